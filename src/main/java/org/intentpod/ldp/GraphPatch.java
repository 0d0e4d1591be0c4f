package org.intentpod.ldp;

import java.util.Set;
import org.apache.jena.graph.Graph;
import org.intentpod.access.AccessMode;

/** A parsed PATCH body, applied to an in-memory copy of the resource's graph. */
interface GraphPatch {

    /** Changes the graph in place; throws {@link org.intentpod.http.HttpProblem} (409) when it cannot apply. */
    void applyTo(Graph graph);

    /** The access modes the patch needs on its target: Read to match, Read and Write to delete, Append to insert. */
    Set<AccessMode> modes();
}
