package org.parley.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a CAP 1.2 alert (OASIS Common Alerting Protocol) the way a consumer would: the JDK's
 * namespace-aware XML parser, elements looked up in the CAP 1.2 namespace, so a test checks the
 * document and not the text our writer happens to produce.
 */
public final class CapXml {
    /** The CAP 1.2 namespace (CAP-V1.2 section 3.3.1). */
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    private final Element alert;

    private CapXml(Element alert) {
        this.alert = alert;
    }

    /** Parses {@code xml}; throws {@link IllegalArgumentException} if it is not well-formed. */
    public static CapXml parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new CapXml(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed XML document: " + e.getMessage(), e);
        }
    }

    /** The root element's namespace, {@link #NAMESPACE} for a CAP 1.2 alert. */
    public String namespace() {
        return String.valueOf(alert.getNamespaceURI());
    }

    /** How many elements of this local name in the CAP namespace the alert holds. */
    public int count(String name) {
        return alert.getElementsByTagNameNS(NAMESPACE, name).getLength();
    }

    /** The text of the first element of this local name; throws if there is none. */
    public String text(String name) {
        Node node = alert.getElementsByTagNameNS(NAMESPACE, name).item(0);
        if (node == null) {
            throw new IllegalArgumentException("the alert has no <" + name + ">");
        }
        return node.getTextContent();
    }
}
