package com.example.idle;

/** A JVM that says it is up and then waits to be stopped: something to attach to. */
public final class IdleApp {

    private IdleApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("idle app ready");
        Thread.sleep(120_000);
    }
}
