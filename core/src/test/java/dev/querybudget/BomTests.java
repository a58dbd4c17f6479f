package dev.querybudget;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code querybudget-bom} has no parent (so that importing it brings none of the build's own pins): these keep it in
 * step with the build by hand — its version, its metadata, and one entry for each published module.
 */
class BomTests {

    private static final Path ROOT = Path.of("..");
    private static final List<String> PUBLISHED = List.of("core", "junit-extension", "spring-autoconfigure", "agent");

    @Test
    void theBomHasTheBuildsVersionAndMetadata() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        Element bom = pom(ROOT.resolve("bom/pom.xml"));

        assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
        for (String field : List.of("url", "inceptionYear", "licenses", "developers", "scm")) {
            assertThat(text(bom, field)).as(field).isEqualTo(text(parent, field));
        }
    }

    @Test
    void theBomListsEveryPublishedModuleAndNothingElse() throws Exception {
        List<String> published = new ArrayList<>();
        for (String module : PUBLISHED) {
            published.add(text(pom(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
        }
        List<String> managed = new ArrayList<>();
        NodeList dependencies = pom(ROOT.resolve("bom/pom.xml")).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            managed.add(text(dependency, "artifactId"));
        }

        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<module>bom</module>");
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    /** The whitespace-normalised text of {@code element}'s own child {@code name}. */
    private static String text(Element element, String name) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim().replaceAll("\\s+", " ");
            }
        }
        throw new AssertionError("no <" + name + "> in <" + element.getTagName() + ">");
    }
}
