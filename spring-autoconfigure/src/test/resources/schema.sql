create table if not exists orders (id bigint primary key, customer_id bigint not null);
create table if not exists order_item (id bigint primary key, order_id bigint not null, product varchar(50), quantity int);
create table if not exists imported (id bigint primary key, name varchar(50) not null);
