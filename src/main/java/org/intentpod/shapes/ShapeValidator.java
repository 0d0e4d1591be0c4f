package org.intentpod.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.intentpod.http.HttpProblem;

/**
 * The SHACL gate every write into a pod passes: the graph as it would be stored is validated against the
 * shapes (parsed once), and a refusal is a 422 carrying the SHACL report and a readable list of violations.
 */
public final class ShapeValidator {
    private final ShapeLibrary library;

    public ShapeValidator(ShapeLibrary library) {
        this.library = library;
    }

    /** Validates a graph; the report as Jena makes it. */
    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(library.shapes(), data);
    }

    /** The violations of a graph, in a language ("en" or "fr"). */
    public List<Violation> violations(Graph data, String language) {
        return describe(validate(data), language);
    }

    private List<Violation> describe(ValidationReport report, String language) {
        List<Violation> violations = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            violations.add(ViolationMessages.describe(entry, library.shapesGraph(), language));
        }
        return violations;
    }

    /**
     * Refuses, with 422, a graph that violates a shape, or that describes none of the required types when
     * it is written into a container constrained to them.
     *
     * @param document the resource being written
     * @param requiredTypes classes of which the graph must describe at least one node (empty: no such rule)
     * @param language "en" or "fr"
     */
    public void check(Graph data, String document, Set<Node> requiredTypes, String language) {
        ValidationReport report = validate(data);
        List<Violation> violations = describe(report, language);
        if (!requiredTypes.isEmpty() && requiredTypes.stream().noneMatch(type -> data.contains(Node.ANY, RDF.type.asNode(), type))) {
            violations.add(ViolationMessages.requiredType(document, typeLabels(requiredTypes, language), language));
        }
        if (!violations.isEmpty()) {
            String summary = "fr".equals(language)
                    ? "Les données ne respectent pas les formes du vocabulaire (" + violations.size() + " violation(s))."
                    : "The data does not conform to the vocabulary's shapes (" + violations.size() + " violation(s)).";
            throw new HttpProblem(422, "Unprocessable Content", summary)
                    .withReport(report.getGraph(), violations.stream().map(Violation::asMap).toList());
        }
    }

    private String typeLabels(Set<Node> types, String language) {
        List<String> labels = new ArrayList<>();
        for (Node type : types) {
            String label = library.shapeFor(type).map(shape -> ViolationMessages.label(library.shapesGraph(), shape, RDFS.label.asNode(), language))
                    .orElse(type.getURI());
            labels.add(label);
        }
        return String.join(" / ", labels);
    }
}
