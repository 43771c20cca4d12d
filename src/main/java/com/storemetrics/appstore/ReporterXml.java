package com.storemetrics.appstore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The Reporter service's Robot.XML answers. The parser refuses any DOCTYPE, so external entities
 * (XXE) and entity expansion bombs fail before anything is resolved.
 */
final class ReporterXml {

    /** An error body: {@code <Error><Code>101</Code><Message>...</Message></Error>}. */
    record ReporterError(String code, String message) {}

    private ReporterXml() {}

    static List<ReporterAccount> accounts(byte[] xml) {
        Element root = parse(xml, "Accounts");
        List<ReporterAccount> accounts = new ArrayList<>();
        for (Element account : children(root, "Account")) {
            String number = childText(account, "Number");
            if (number.isEmpty()) {
                throw new UnreadableAnswer("an <Account> without <Number>");
            }
            accounts.add(new ReporterAccount(number, childText(account, "Name")));
        }
        return List.copyOf(accounts);
    }

    static List<String> vendors(byte[] xml) {
        Element root = parse(xml, "Vendors");
        List<String> vendors = new ArrayList<>();
        for (Element vendor : children(root, "Vendor")) {
            String number = vendor.getTextContent().trim();
            if (number.isEmpty()) {
                throw new UnreadableAnswer("an empty <Vendor>");
            }
            vendors.add(number);
        }
        return List.copyOf(vendors);
    }

    /**
     * {@code Finance.getVendorsAndRegions}: {@code <VendorsAndRegions><Vendor><Number>N</Number>
     * <Region><Code>US</Code><Reports><Report>Financial</Report></Reports></Region>...</Vendor>}.
     */
    static List<VendorRegions> vendorsAndRegions(byte[] xml) {
        Element root = parse(xml, "VendorsAndRegions");
        List<VendorRegions> vendors = new ArrayList<>();
        for (Element vendor : children(root, "Vendor")) {
            String number = childText(vendor, "Number");
            if (number.isEmpty()) {
                throw new UnreadableAnswer("a <Vendor> without <Number>");
            }
            List<VendorRegions.Region> regions = new ArrayList<>();
            for (Element region : children(vendor, "Region")) {
                String code = childText(region, "Code");
                if (code.isEmpty()) {
                    throw new UnreadableAnswer("a <Region> of vendor " + number + " without <Code>");
                }
                List<String> reports = new ArrayList<>();
                for (Element list : children(region, "Reports")) {
                    for (Element report : children(list, "Report")) {
                        reports.add(report.getTextContent().trim());
                    }
                }
                regions.add(new VendorRegions.Region(code, List.copyOf(reports)));
            }
            vendors.add(new VendorRegions(number, List.copyOf(regions)));
        }
        return List.copyOf(vendors);
    }

    /** The error in a body, if it is a readable {@code <Error>} document; empty otherwise (never throws). */
    static Optional<ReporterError> error(byte[] xml) {
        if (xml == null || xml.length == 0) {
            return Optional.empty();
        }
        try {
            Element root = parse(xml, "Error");
            return Optional.of(new ReporterError(childText(root, "Code"), childText(root, "Message")));
        } catch (UnreadableAnswer notAnError) {
            return Optional.empty();
        }
    }

    private static Element parse(byte[] xml, String expectedRoot) {
        Document document;
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            // The default handler prints parse errors to stderr; the exception says enough.
            builder.setErrorHandler(new DefaultHandler());
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new UnreadableAnswer("not well-formed XML or a DOCTYPE (refused): " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        Element root = document.getDocumentElement();
        if (!expectedRoot.equals(root.getTagName())) {
            throw new UnreadableAnswer("expected <" + expectedRoot + ">, got <" + root.getTagName() + ">");
        }
        return root;
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
