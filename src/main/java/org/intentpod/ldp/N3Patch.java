package org.intentpod.ldp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.tokens.Token;
import org.apache.jena.riot.tokens.TokenType;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.vocabulary.RDF;
import org.intentpod.access.AccessMode;
import org.intentpod.http.HttpProblem;

/**
 * A Solid N3 Patch ({@code solid:InsertDeletePatch}). No Java library parses N3 formulae, so the document is
 * split with Jena's own tokenizer: each {@code { ... }} formula is cut out by token position and parsed as a
 * SPARQL triple block, and the rest, with the formulae replaced by placeholder IRIs, is parsed as Turtle.
 * Nothing here reads RDF syntax by hand.
 */
final class N3Patch implements GraphPatch {
    private static final String PLACEHOLDER = "urn:intentpod:n3-formula:";
    private final List<Triple> where;
    private final List<Triple> deletes;
    private final List<Triple> inserts;

    private N3Patch(List<Triple> where, List<Triple> deletes, List<Triple> inserts) {
        this.where = where;
        this.deletes = deletes;
        this.inserts = inserts;
    }

    static N3Patch parse(String document, String baseIri) {
        List<Pair<Integer, Integer>> formulae = formulae(document);
        StringBuilder outer = new StringBuilder();
        int from = 0;
        for (int i = 0; i < formulae.size(); i++) {
            outer.append(document, from, formulae.get(i).getLeft()).append('<').append(PLACEHOLDER).append(i).append('>');
            from = formulae.get(i).getRight() + 1;
        }
        outer.append(document.substring(from));
        Graph structure = GraphFactory.createDefaultGraph();
        try {
            RDFParser.fromString(outer.toString(), Lang.TURTLE).base(baseIri).strict(true)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(structure);
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("Malformed N3 Patch: " + e.getMessage());
        }
        List<Triple> patches = structure.find(Node.ANY, RDF.type.asNode(), Terms.INSERT_DELETE_PATCH).toList();
        if (patches.size() != 1) {
            throw unprocessable("An N3 Patch must describe exactly one solid:InsertDeletePatch, found " + patches.size());
        }
        Node patch = patches.get(0).getSubject();
        StringBuilder prefixes = new StringBuilder();
        structure.getPrefixMapping().getNsPrefixMap()
                .forEach((prefix, iri) -> prefixes.append("PREFIX ").append(prefix).append(": <").append(iri).append(">\n"));
        Map<Node, List<Triple>> parsed = new HashMap<>();
        for (Node predicate : List.of(Terms.WHERE, Terms.DELETES, Terms.INSERTS)) {
            List<Triple> objects = structure.find(patch, predicate, Node.ANY).toList();
            if (objects.size() > 1) {
                throw unprocessable("An N3 Patch may have at most one " + predicate.getLocalName() + " formula");
            }
            List<Triple> triples = List.of();
            if (objects.size() == 1) {
                Node object = objects.get(0).getObject();
                if (!object.isURI() || !object.getURI().startsWith(PLACEHOLDER)) {
                    throw unprocessable("The object of solid:" + predicate.getLocalName() + " must be a formula { ... }");
                }
                Pair<Integer, Integer> range = formulae.get(Integer.parseInt(object.getURI().substring(PLACEHOLDER.length())));
                triples = formulaTriples(prefixes + "SELECT * WHERE {" + document.substring(range.getLeft() + 1, range.getRight()) + "}", baseIri);
            }
            parsed.put(predicate, triples);
        }
        return validated(parsed.get(Terms.WHERE), parsed.get(Terms.DELETES), parsed.get(Terms.INSERTS));
    }

    /** Start and end offsets of every top-level formula, found by the tokenizer (so braces in strings are not). */
    private static List<Pair<Integer, Integer>> formulae(String document) {
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < document.length(); i++) {
            if (document.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        List<Pair<Integer, Integer>> ranges = new ArrayList<>();
        Integer open = null;
        try {
            Tokenizer tokens = TokenizerText.create().fromString(document).build();
            while (tokens.hasNext()) {
                Token token = tokens.next();
                if (isBase(token)) {
                    throw unprocessable("@base is not supported in N3 Patch documents; relative IRIs resolve against the target resource");
                }
                if (token.getType() == TokenType.LBRACE) {
                    if (open != null) {
                        throw unprocessable("Nested formulae are not allowed in an N3 Patch");
                    }
                    open = offset(lineStarts, token);
                } else if (token.getType() == TokenType.RBRACE) {
                    if (open == null) {
                        throw HttpProblem.badRequest("Malformed N3 Patch: '}' without '{' at line " + token.getLine());
                    }
                    ranges.add(Pair.create(open, offset(lineStarts, token)));
                    open = null;
                }
            }
        } catch (HttpProblem problem) {
            throw problem;
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("Malformed N3 Patch: " + e.getMessage());
        }
        if (open != null) {
            throw HttpProblem.badRequest("Malformed N3 Patch: a formula '{' is never closed");
        }
        return ranges;
    }

    private static boolean isBase(Token token) {
        return (token.getType() == TokenType.DIRECTIVE || token.getType() == TokenType.KEYWORD)
                && "base".equalsIgnoreCase(token.getImage());
    }

    private static int offset(List<Integer> lineStarts, Token token) {
        // Jena counts lines and columns from 1.
        return lineStarts.get((int) token.getLine() - 1) + (int) token.getColumn() - 1;
    }

    private static List<Triple> formulaTriples(String query, String baseIri) {
        Query parsed;
        try {
            parsed = QueryFactory.create(query, baseIri, Syntax.syntaxSPARQL_11);
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("Malformed formula in N3 Patch: " + e.getMessage());
        }
        List<Triple> triples = new ArrayList<>();
        if (!(parsed.getQueryPattern() instanceof ElementGroup group)) {
            throw unprocessable("A formula may contain only triples and triple patterns");
        }
        for (Element element : group.getElements()) {
            if (!(element instanceof ElementPathBlock block)) {
                throw unprocessable("A formula may contain only triples and triple patterns");
            }
            for (TriplePath path : block.getPattern().getList()) {
                if (!path.isTriple()) {
                    throw unprocessable("Property paths are not allowed in an N3 Patch formula");
                }
                triples.add(path.asTriple());
            }
        }
        return List.copyOf(triples);
    }

    private static N3Patch validated(List<Triple> where, List<Triple> deletes, List<Triple> inserts) {
        if (hasBlankNodes(where) || hasBlankNodes(deletes)) {
            throw unprocessable("Blank nodes are not allowed in the where and deletes formulae of an N3 Patch");
        }
        Set<Var> bound = variables(where);
        for (List<Triple> formula : List.of(deletes, inserts)) {
            Set<Var> used = variables(formula);
            used.removeAll(bound);
            used.removeIf(v -> v.isBlankNodeVar());
            if (!used.isEmpty()) {
                throw unprocessable("Variables " + used + " are used in inserts or deletes but not bound by where");
            }
        }
        return new N3Patch(where, deletes, inserts);
    }

    private static boolean hasBlankNodes(List<Triple> triples) {
        return triples.stream().anyMatch(t -> isBlank(t.getSubject()) || isBlank(t.getPredicate()) || isBlank(t.getObject()));
    }

    private static boolean isBlank(Node node) {
        return node.isBlank() || Var.isBlankNodeVar(node);
    }

    private static Set<Var> variables(List<Triple> triples) {
        Set<Var> vars = new HashSet<>();
        for (Triple t : triples) {
            for (Node node : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (Var.isVar(node)) {
                    vars.add(Var.alloc(node));
                }
            }
        }
        return vars;
    }

    @Override
    public Set<AccessMode> modes() {
        Set<AccessMode> modes = java.util.EnumSet.noneOf(AccessMode.class);
        if (!where.isEmpty()) {
            modes.add(AccessMode.READ);
        }
        if (!deletes.isEmpty()) {
            modes.add(AccessMode.READ);
            modes.add(AccessMode.WRITE);
        }
        if (!inserts.isEmpty()) {
            modes.add(AccessMode.APPEND);
        }
        return modes;
    }

    @Override
    public void applyTo(Graph graph) {
        Binding binding = uniqueMatch(graph);
        List<Triple> toDelete = deletes.stream().map(t -> substitute(t, binding, Map.of())).toList();
        for (Triple t : toDelete) {
            if (!graph.contains(t)) {
                throw HttpProblem.conflict("The triple to delete " + t + " is not in the resource");
            }
        }
        Map<Node, Node> freshBlankNodes = new HashMap<>();
        List<Triple> toInsert = inserts.stream().map(t -> substitute(t, binding, freshBlankNodes)).toList();
        toDelete.forEach(graph::delete);
        toInsert.forEach(graph::add);
    }

    private Binding uniqueMatch(Graph graph) {
        if (where.isEmpty()) {
            return Binding.noParent;
        }
        Binding match = null;
        QueryIterator solutions = Algebra.exec(new OpBGP(BasicPattern.wrap(where)), DatasetGraphFactory.wrap(graph));
        try {
            while (solutions.hasNext()) {
                if (match != null) {
                    throw HttpProblem.conflict("The where formula matches the resource more than once");
                }
                match = solutions.next();
            }
        } finally {
            solutions.close();
        }
        if (match == null) {
            throw HttpProblem.conflict("The where formula does not match the resource");
        }
        return match;
    }

    private static Triple substitute(Triple pattern, Binding binding, Map<Node, Node> freshBlankNodes) {
        return Triple.create(value(pattern.getSubject(), binding, freshBlankNodes), value(pattern.getPredicate(), binding, freshBlankNodes),
                value(pattern.getObject(), binding, freshBlankNodes));
    }

    private static Node value(Node node, Binding binding, Map<Node, Node> freshBlankNodes) {
        if (Var.isBlankNodeVar(node) || node.isBlank()) {
            return freshBlankNodes.computeIfAbsent(node, n -> NodeFactory.createBlankNode());
        }
        return Var.isVar(node) ? binding.get(Var.alloc(node)) : node;
    }

    private static HttpProblem unprocessable(String detail) {
        return new HttpProblem(422, "Unprocessable Content", detail);
    }
}
