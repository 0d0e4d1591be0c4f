package org.intentpod.ldp;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.intentpod.access.AccessMode;
import org.intentpod.http.HttpProblem;

/**
 * A SPARQL Update PATCH: INSERT DATA, DELETE DATA and DELETE/INSERT WHERE on the target resource only.
 * Named graphs, WITH/USING, SERVICE and sub-queries would reach beyond that one graph, so they are refused.
 */
final class SparqlUpdatePatch implements GraphPatch {
    private final UpdateRequest request;

    private SparqlUpdatePatch(UpdateRequest request) {
        this.request = request;
    }

    static SparqlUpdatePatch parse(String text, String baseIri) {
        UpdateRequest request;
        try {
            request = UpdateFactory.create(text, baseIri);
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("Malformed SPARQL Update: " + e.getMessage());
        }
        for (Update update : request.getOperations()) {
            check(update);
        }
        return new SparqlUpdatePatch(request);
    }

    private static void check(Update update) {
        switch (update) {
            case UpdateData data -> requireDefaultGraph(data.getQuads());
            case UpdateDeleteWhere deleteWhere -> requireDefaultGraph(deleteWhere.getQuads());
            case UpdateModify modify -> {
                if (modify.getWithIRI() != null || !modify.getUsing().isEmpty() || !modify.getUsingNamed().isEmpty()) {
                    throw unprocessable("WITH and USING are not allowed: a PATCH changes only the target resource");
                }
                requireDefaultGraph(modify.getDeleteQuads());
                requireDefaultGraph(modify.getInsertQuads());
                ElementWalker.walk(modify.getWherePattern(), new ElementVisitorBase() {
                    @Override
                    public void visit(ElementNamedGraph el) {
                        throw unprocessable("GRAPH is not allowed: a PATCH reads only the target resource");
                    }

                    @Override
                    public void visit(ElementService el) {
                        throw unprocessable("SERVICE is not allowed in a PATCH");
                    }

                    @Override
                    public void visit(ElementSubQuery el) {
                        throw unprocessable("Sub-queries are not allowed in a PATCH");
                    }
                });
            }
            default -> throw unprocessable("Only INSERT DATA, DELETE DATA and DELETE/INSERT WHERE are supported in a PATCH");
        }
    }

    private static void requireDefaultGraph(Collection<Quad> quads) {
        if (quads.stream().anyMatch(q -> !q.isDefaultGraph())) {
            throw unprocessable("GRAPH is not allowed: a PATCH changes only the target resource");
        }
    }

    @Override
    public Set<AccessMode> modes() {
        Set<AccessMode> modes = EnumSet.noneOf(AccessMode.class);
        for (Update update : request.getOperations()) {
            switch (update) {
                case UpdateDataInsert insert -> modes.add(AccessMode.APPEND);
                case UpdateModify modify -> {
                    modes.add(AccessMode.READ);
                    if (!modify.getDeleteQuads().isEmpty()) {
                        modes.add(AccessMode.WRITE);
                    }
                    if (!modify.getInsertQuads().isEmpty()) {
                        modes.add(AccessMode.APPEND);
                    }
                }
                default -> {
                    // DELETE DATA and DELETE WHERE read and remove
                    modes.add(AccessMode.READ);
                    modes.add(AccessMode.WRITE);
                }
            }
        }
        return modes;
    }

    @Override
    public void applyTo(Graph graph) {
        UpdateExec.dataset(DatasetGraphFactory.wrap(graph)).update(request).execute();
    }

    private static HttpProblem unprocessable(String detail) {
        return new HttpProblem(422, "Unprocessable Content", detail);
    }
}
