package io.httptriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM lists exactly the published modules: every module of the build that does not set {@code
 * maven.deploy.skip}, and nothing else. This module's own httptriage dependencies take their
 * versions from it (see its pom), so a missing entry also fails the build here.
 */
class BomTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void bomListsEveryPublishedModuleAndNothingElse() throws Exception {
    List<String> published = new ArrayList<>();
    for (String module :
        texts(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
      if (module.equals("bom")) {
        continue;
      }
      Element project = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
      if (!"true".equals(firstText(project, "maven.deploy.skip"))) {
        published.add(child(project, "artifactId").getTextContent().trim());
      }
    }
    Element bom = pom(ROOT.resolve("bom/pom.xml")).getDocumentElement();
    List<String> listed = texts(child(bom, "dependencyManagement"), "dependencies", "artifactId");

    assertThat(published)
        .contains("httptriage-core", "httptriage-okhttp", "httptriage-jdk-httpclient");
    assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        return (Element) n;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getNodeName() + ">");
  }

  private static String firstText(Element root, String name) {
    NodeList nodes = root.getElementsByTagName(name);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  /** The text of every {@code <leaf>} under the {@code <container>} child of {@code parent}. */
  private static List<String> texts(Element parent, String container, String leaf) {
    NodeList nodes = child(parent, container).getElementsByTagName(leaf);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }
}
