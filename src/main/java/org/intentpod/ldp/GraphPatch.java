package org.intentpod.ldp;

import org.apache.jena.graph.Graph;

/** A parsed PATCH body, applied to an in-memory copy of the resource's graph. */
interface GraphPatch {

    /** Changes the graph in place; throws {@link org.intentpod.http.HttpProblem} (409) when it cannot apply. */
    void applyTo(Graph graph);
}
