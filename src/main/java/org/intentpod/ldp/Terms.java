package org.intentpod.ldp;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the LDP, PIM and Solid terms the protocol layer uses. */
public final class Terms {
    public static final String LDP = "http://www.w3.org/ns/ldp#";
    public static final String PIM = "http://www.w3.org/ns/pim/space#";
    public static final String SOLID = "http://www.w3.org/ns/solid/terms#";

    public static final String LDP_RESOURCE = LDP + "Resource";
    public static final String LDP_RDF_SOURCE = LDP + "RDFSource";
    public static final String LDP_NON_RDF_SOURCE = LDP + "NonRDFSource";
    public static final String LDP_CONTAINER = LDP + "Container";
    public static final String LDP_BASIC_CONTAINER = LDP + "BasicContainer";
    public static final String PREFER_CONTAINMENT = LDP + "PreferContainment";
    public static final String PREFER_MINIMAL_CONTAINER = LDP + "PreferMinimalContainer";
    public static final String PIM_STORAGE = PIM + "Storage";
    public static final String STORAGE_DESCRIPTION = SOLID + "storageDescription";

    public static final Node CONTAINS = NodeFactory.createURI(LDP + "contains");
    public static final Node INSERT_DELETE_PATCH = NodeFactory.createURI(SOLID + "InsertDeletePatch");
    public static final Node WHERE = NodeFactory.createURI(SOLID + "where");
    public static final Node INSERTS = NodeFactory.createURI(SOLID + "inserts");
    public static final Node DELETES = NodeFactory.createURI(SOLID + "deletes");

    private Terms() {
    }
}
