package org.intentpod.store;

/** What a stored resource is, in Solid Protocol terms. */
public enum ResourceKind {
    CONTAINER,
    RDF_SOURCE,
    NON_RDF_SOURCE
}
