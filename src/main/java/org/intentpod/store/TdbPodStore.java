package org.intentpod.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/** The embedded default store: TDB2 in a local folder, one named graph per RDF resource. */
public final class TdbPodStore implements PodStore {
    private static final Node ANY = Node.ANY;
    private final DatasetGraph dataset;
    /** Stateless: what a caller may do is decided by the transaction it runs in, so one instance serves all. */
    private final Access access = new Access();
    private final GroupCommit writes;

    private TdbPodStore(DatasetGraph dataset) {
        this.dataset = dataset;
        this.writes = new GroupCommit(dataset, access);
    }

    /** Opens (creating when absent) the TDB2 database in a folder. */
    public static TdbPodStore open(Path folder) {
        return new TdbPodStore(DatabaseMgr.connectDatasetGraph(folder.toString()));
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        return Txn.calculateRead(dataset, () -> work.apply(access));
    }

    @Override
    public <T> T write(Function<StoreWriter, T> work) {
        return writes.write(work);
    }

    @Override
    public void close() {
        writes.close();
        dataset.close();
        TDBInternal.expel(dataset);
    }

    /** Both views of the dataset; which operations are legal is decided by the transaction it runs in. */
    private final class Access implements StoreWriter {

        @Override
        public Optional<ResourceMeta> meta(String iri) {
            Iterator<Quad> quads = dataset.find(SystemGraph.NAME, NodeFactory.createURI(iri), ANY, ANY);
            return quads.hasNext() ? Optional.of(SystemGraph.toMeta(iri, quads)) : Optional.empty();
        }

        @Override
        public Iterator<Triple> triples(String iri) {
            return Iter.map(dataset.find(NodeFactory.createURI(iri), ANY, ANY, ANY), Quad::asTriple);
        }

        @Override
        public boolean contains(String iri, Triple triple) {
            return dataset.contains(NodeFactory.createURI(iri), triple.getSubject(), triple.getPredicate(), triple.getObject());
        }

        @Override
        public Iterator<String> members(String containerIri) {
            return Iter.map(dataset.find(SystemGraph.NAME, ANY, SystemGraph.PARENT, NodeFactory.createURI(containerIri)),
                    quad -> quad.getSubject().getURI());
        }

        @Override
        public boolean hasMembers(String containerIri) {
            return members(containerIri).hasNext();
        }

        @Override
        public boolean isEmpty() {
            return dataset.isEmpty();
        }

        @Override
        public Iterator<String> blobIds() {
            return Iter.map(dataset.find(SystemGraph.NAME, ANY, SystemGraph.BLOB, ANY), quad -> quad.getObject().getLiteralLexicalForm());
        }

        @Override
        public void putMeta(ResourceMeta meta) {
            Node subject = NodeFactory.createURI(meta.iri());
            dataset.deleteAny(SystemGraph.NAME, subject, ANY, ANY);
            SystemGraph.toTriples(meta).forEachRemaining(t -> dataset.add(SystemGraph.NAME, t.getSubject(), t.getPredicate(), t.getObject()));
        }

        @Override
        public void replaceTriples(String iri, Graph content) {
            Node graph = NodeFactory.createURI(iri);
            dataset.deleteAny(graph, ANY, ANY, ANY);
            content.find().forEachRemaining(t -> dataset.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        }

        @Override
        public void remove(String iri) {
            Node node = NodeFactory.createURI(iri);
            dataset.deleteAny(node, ANY, ANY, ANY);
            dataset.deleteAny(SystemGraph.NAME, node, ANY, ANY);
        }
    }

    /** How metadata is written as triples in the system graph. */
    static final class SystemGraph {
        static final Node NAME = NodeFactory.createURI("urn:intentpod:system");
        private static final String NS = "urn:intentpod:sys#";
        static final Node KIND = NodeFactory.createURI(NS + "kind");
        static final Node CONTENT_TYPE = NodeFactory.createURI(NS + "contentType");
        static final Node VERSION = NodeFactory.createURI(NS + "version");
        static final Node MODIFIED = NodeFactory.createURI(NS + "modified");
        static final Node SIZE = NodeFactory.createURI(NS + "size");
        static final Node BLOB = NodeFactory.createURI(NS + "blob");
        static final Node PARENT = NodeFactory.createURI(NS + "parent");

        private SystemGraph() {
        }

        static Iterator<Triple> toTriples(ResourceMeta meta) {
            Node s = NodeFactory.createURI(meta.iri());
            var triples = new java.util.ArrayList<Triple>(7);
            triples.add(Triple.create(s, KIND, NodeFactory.createLiteralString(meta.kind().name())));
            triples.add(Triple.create(s, VERSION, NodeFactory.createLiteralString(meta.version())));
            triples.add(Triple.create(s, MODIFIED, NodeFactory.createLiteralDT(meta.modified().toString(), XSDDatatype.XSDdateTime)));
            if (meta.contentType() != null) {
                triples.add(Triple.create(s, CONTENT_TYPE, NodeFactory.createLiteralString(meta.contentType())));
            }
            if (meta.blob() != null) {
                triples.add(Triple.create(s, BLOB, NodeFactory.createLiteralString(meta.blob())));
                triples.add(Triple.create(s, SIZE, NodeFactory.createLiteralDT(Long.toString(meta.size()), XSDDatatype.XSDlong)));
            }
            if (meta.parent() != null) {
                triples.add(Triple.create(s, PARENT, NodeFactory.createURI(meta.parent())));
            }
            return triples.iterator();
        }

        static ResourceMeta toMeta(String iri, Iterator<Quad> quads) {
            ResourceKind kind = null;
            String contentType = null;
            String version = null;
            Instant modified = null;
            long size = 0;
            String blob = null;
            String parent = null;
            while (quads.hasNext()) {
                Quad q = quads.next();
                Node p = q.getPredicate();
                Node o = q.getObject();
                if (p.equals(KIND)) {
                    kind = ResourceKind.valueOf(o.getLiteralLexicalForm());
                } else if (p.equals(CONTENT_TYPE)) {
                    contentType = o.getLiteralLexicalForm();
                } else if (p.equals(VERSION)) {
                    version = o.getLiteralLexicalForm();
                } else if (p.equals(MODIFIED)) {
                    modified = Instant.parse(o.getLiteralLexicalForm());
                } else if (p.equals(SIZE)) {
                    size = Long.parseLong(o.getLiteralLexicalForm());
                } else if (p.equals(BLOB)) {
                    blob = o.getLiteralLexicalForm();
                } else if (p.equals(PARENT)) {
                    parent = o.getURI();
                }
            }
            return new ResourceMeta(iri, kind, contentType, version, modified, size, blob, parent);
        }
    }
}
