package org.intentpod.shapes;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDFS;

/**
 * Turns SHACL report entries into sentences a person understands, in English or French, naming the field
 * by the shape's own sh:name, the same name the web forms show.
 */
final class ViolationMessages {
    private static final Map<String, String[]> TEMPLATES = Map.ofEntries(
            Map.entry("MinCountConstraintComponent", new String[] {"%s is required.", "%s : valeur obligatoire."}),
            Map.entry("MaxCountConstraintComponent", new String[] {"%s has too many values.", "%s : trop de valeurs."}),
            Map.entry("DatatypeConstraintComponent", new String[] {"%s: %s is not of the expected type.", "%s : %s n'est pas du type attendu."}),
            Map.entry("NodeKindConstraintComponent", new String[] {"%s: %s is not of the expected kind (a link or a value).",
                "%s : %s n'est pas de la nature attendue (un lien ou une valeur)."}),
            Map.entry("InConstraintComponent", new String[] {"%s: %s is not one of the allowed values.", "%s : %s ne fait pas partie des valeurs permises."}),
            Map.entry("MinInclusiveConstraintComponent", new String[] {"%s: %s is below the minimum.", "%s : %s est inférieur au minimum."}),
            Map.entry("MaxInclusiveConstraintComponent", new String[] {"%s: %s is above the maximum.", "%s : %s est supérieur au maximum."}),
            Map.entry("PatternConstraintComponent", new String[] {"%s: %s does not have the expected form.", "%s : %s n'a pas la forme attendue."}),
            Map.entry("MinLengthConstraintComponent", new String[] {"%s: %s is too short.", "%s : %s est trop court."}),
            Map.entry("NodeConstraintComponent", new String[] {"%s: %s is incomplete or invalid.", "%s : %s est incomplet ou invalide."}),
            Map.entry("OrConstraintComponent", new String[] {"%s: none of the accepted forms is met.", "%s : aucune des formes acceptées n'est respectée."}),
            Map.entry("ClassConstraintComponent", new String[] {"%s: %s is not of the expected class.", "%s : %s n'est pas de la classe attendue."}),
            Map.entry("RequiredTypeConstraintComponent", new String[] {"%s: this container accepts only resources describing %s.",
                "%s : ce conteneur n'accepte que des ressources décrivant %s."}));

    private ViolationMessages() {
    }

    static Violation describe(ReportEntry entry, Graph shapes, String language) {
        String component = entry.sourceConstraintComponent() == null ? "Constraint" : entry.sourceConstraintComponent().getLocalName();
        String field = label(shapes, entry.source(), SHACL.name, language);
        if (field == null) {
            field = label(shapes, entry.source(), RDFS.label.asNode(), language);
        }
        if (field == null) {
            field = entry.resultPath() == null ? "" : entry.resultPath().toString();
        }
        String value = entry.value() == null ? null : show(entry.value());
        String[] template = TEMPLATES.get(component);
        String message = template == null
                ? field + ": " + entry.message()
                : String.format(template["fr".equals(language) ? 1 : 0], field, value == null ? "" : value);
        return new Violation(show(entry.focusNode()), entry.resultPath() == null ? null : entry.resultPath().toString(), value, component,
                message, label(shapes, entry.source(), SHACL.description, language));
    }

    static Violation requiredType(String document, String typeLabel, String language) {
        String[] template = TEMPLATES.get("RequiredTypeConstraintComponent");
        return new Violation(document, null, null, "RequiredTypeConstraintComponent",
                String.format(template["fr".equals(language) ? 1 : 0], document, typeLabel), null);
    }

    /** A literal of the given property of a node in the language, falling back to English. */
    static String label(Graph graph, Node subject, Node property, String language) {
        if (subject == null) {
            return null;
        }
        String fallback = null;
        var it = graph.find(subject, property, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage();
                    if (lang.equalsIgnoreCase(language)) {
                        return o.getLiteralLexicalForm();
                    }
                    if (fallback == null || lang.equalsIgnoreCase("en")) {
                        fallback = o.getLiteralLexicalForm();
                    }
                }
            }
        } finally {
            it.close();
        }
        return fallback;
    }

    private static String show(Node node) {
        if (node == null) {
            return null;
        }
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.isURI() ? node.getURI() : "_:" + node.getBlankNodeLabel();
    }
}
