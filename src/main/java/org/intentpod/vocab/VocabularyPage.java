package org.intentpod.vocab;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.intentpod.http.Html;

/** The vocabulary documented for people: every class, property and concept with its English and French text. */
final class VocabularyPage {
    private final Graph vocabulary;

    VocabularyPage(Graph vocabulary) {
        this.vocabulary = vocabulary;
    }

    String render() {
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>IntentPod VRM vocabulary</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                dt{font-weight:bold;margin-top:1rem}code{background:#f3f3f3;padding:0 .2rem}.fr{color:#555}</style></head><body>
                <h1>IntentPod VRM vocabulary</h1>
                <p>Namespace <code>https://w3id.org/intentpod/vrm#</code> (prefix <code>vrm:</code>). Also as
                <a href="vrm?format=turtle">Turtle</a> and JSON-LD by content negotiation; JSON-LD context at
                <a href="vrm.jsonld">vrm.jsonld</a>.</p>
                """);
        section(html, "Classes", "Classes", terms(OWL.Class.asNode()));
        List<Node> properties = new java.util.ArrayList<>(terms(OWL.ObjectProperty.asNode()));
        properties.addAll(terms(OWL.DatatypeProperty.asNode()));
        properties.sort(Comparator.comparing(Node::getURI));
        section(html, "Properties", "Propriétés", properties);
        section(html, "Concepts", "Concepts", terms(SKOS.Concept.asNode()));
        section(html, "Concept schemes", "Schémas de concepts", terms(SKOS.ConceptScheme.asNode()));
        return html.append("</body></html>\n").toString();
    }

    private List<Node> terms(Node type) {
        return vocabulary.find(Node.ANY, RDF.type.asNode(), type).mapWith(t -> t.getSubject()).toList().stream()
                .sorted(Comparator.comparing(Node::getURI)).toList();
    }

    private void section(StringBuilder html, String title, String titleFr, List<Node> terms) {
        html.append("<h2>").append(title).append(" <span class=\"fr\">/ ").append(titleFr).append("</span></h2>\n<dl>\n");
        for (Node term : terms) {
            String id = term.getLocalName();
            html.append("<dt id=\"").append(Html.escape(id)).append("\"><code>vrm:").append(Html.escape(id)).append("</code> ")
                    .append(Html.escape(literal(term, RDFS.label.asNode(), "en"))).append(" <span class=\"fr\">/ ")
                    .append(Html.escape(literal(term, RDFS.label.asNode(), "fr"))).append("</span></dt>\n<dd>")
                    .append(Html.escape(literal(term, RDFS.comment.asNode(), "en"))).append("<br><span class=\"fr\">")
                    .append(Html.escape(literal(term, RDFS.comment.asNode(), "fr"))).append("</span>");
            for (Node relation : List.of(RDFS.subClassOf.asNode(), RDFS.domain.asNode(), RDFS.range.asNode())) {
                vocabulary.find(term, relation, Node.ANY).forEach(t -> html.append("<br>").append(relation.getLocalName()).append(": <code>")
                        .append(Html.escape(t.getObject().toString())).append("</code>"));
            }
            html.append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    private String literal(Node subject, Node property, String language) {
        return vocabulary.find(subject, property, Node.ANY).mapWith(t -> t.getObject())
                .filterKeep(o -> o.isLiteral() && o.getLiteralLanguage().equals(language))
                .nextOptional().map(Node::getLiteralLexicalForm).orElse("");
    }
}
