package org.intentpod.ldp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.intentpod.http.ResourcePath;
import org.intentpod.shapes.ShapeLibrary;

/**
 * The standard containers of a pod that are constrained by a vocabulary type: what their direct members
 * must describe, and whether they also take non-RDF files (imports keep the company's CSV beside the RDF).
 */
final class StandardContainers {
    private record Constraint(List<String> types, boolean acceptsFiles) {
    }

    private static final Map<String, Constraint> CONSTRAINED = Map.of(
            "intentions", new Constraint(List.of("Intention"), false),
            "inbox", new Constraint(List.of("Offer"), false),
            "grants", new Constraint(List.of("AccessGrant"), false),
            "log", new Constraint(List.of("AccessLogEntry"), false),
            "data", new Constraint(List.of("DataImport", "UsageSummary", "TelecomUsageRecord", "EnergyUsageRecord"), true));

    private StandardContainers() {
    }

    /** The standard container a path is a direct member of, if it is constrained. */
    private static Constraint constraintFor(ResourcePath member) {
        if (member.segments().size() != 3 || member.isAuxiliary()) {
            return null;
        }
        return CONSTRAINED.get(member.segments().get(1));
    }

    /** Classes of which a member written at this path must describe a node; empty when unconstrained. */
    static Set<Node> requiredTypes(ResourcePath member) {
        Constraint constraint = constraintFor(member);
        return constraint == null ? Set.of() : constraint.types().stream().map(ShapeLibrary::vrm).collect(Collectors.toSet());
    }

    /** Whether a non-RDF file may be stored at this path. */
    static boolean acceptsFiles(ResourcePath member) {
        Constraint constraint = constraintFor(member);
        return constraint == null || constraint.acceptsFiles();
    }

    /** The classes a container's members are constrained to, when it is a standard container. */
    static List<Node> constrainedTypes(ResourcePath container) {
        if (container.segments().size() != 2 || !container.container()) {
            return List.of();
        }
        Constraint constraint = CONSTRAINED.get(container.segments().get(1));
        return constraint == null ? List.of() : constraint.types().stream().map(ShapeLibrary::vrm).toList();
    }
}
