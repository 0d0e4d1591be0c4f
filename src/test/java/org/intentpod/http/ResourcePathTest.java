package org.intentpod.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one canonical form of a path. */
class ResourcePathTest {

    @ParameterizedTest
    @CsvSource({
        "/alice/notes/a.ttl, /alice/notes/a.ttl",
        "/alice/My%20Notes/, /alice/My%20Notes/",
        "/alice/caf%c3%a9, /alice/caf%C3%A9",
        "/alice/%61bc, /alice/abc",
        "/alice/a+b, /alice/a+b",
        "/alice/a%3Ab, /alice/a:b",
        "/alice/a%23b, /alice/a%23b",
        "/alice/a%3Fb, /alice/a%3Fb"})
    void spellingsOfOneResourceShareOneCanonicalForm(String raw, String canonical) {
        assertEquals(canonical, ResourcePath.parse(raw).encoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/alice/../x", "/alice/%2e%2e/x", "/alice/.", "/alice/%2E/", "/alice/a%2Fb", "/alice/a%5cb", "/alice/a;p=1",
        "/alice//x", "/alice/a%00", "/alice/a%0a", "/alice/%zz", "/alice/%c3", "/alice/%", "relative", "/alice/é"})
    void trickyPathsAreRefused(String raw) {
        assertEquals(400, assertThrows(HttpProblem.class, () -> ResourcePath.parse(raw)).status());
    }

    @Test
    void structure() {
        ResourcePath doc = ResourcePath.parse("/alice/notes/a.ttl");
        assertEquals("alice", doc.pod());
        assertEquals(ResourcePath.parse("/alice/notes/"), doc.parent());
        assertEquals(ResourcePath.parse("/alice/notes/a.ttl/"), doc.twin());
        assertTrue(ResourcePath.parse("/alice/").isPodRoot());
        assertTrue(ResourcePath.parse("/").isServerRoot());
        assertEquals("http://localhost:8080/alice/notes/a.ttl", doc.iri("http://localhost:8080/"));
    }

    @Test
    void auxiliaryResources() {
        ResourcePath acl = ResourcePath.parse("/alice/notes/a.ttl.acl");
        assertTrue(acl.isAuxiliary());
        assertEquals(ResourcePath.parse("/alice/notes/a.ttl"), acl.auxiliarySubject());
        assertEquals(ResourcePath.parse("/alice/notes/"), ResourcePath.parse("/alice/notes/.acl").auxiliarySubject());
        assertEquals(List.of("/alice/notes/.acl", "/alice/notes/.meta"),
                ResourcePath.parse("/alice/notes/").auxiliaries().stream().map(ResourcePath::encoded).sorted().toList());
        assertFalse(ResourcePath.parse("/alice/x.acl/").isAuxiliary());
        assertFalse(acl.isServerReserved());
        assertTrue(ResourcePath.parse("/alice/.sparql").isServerReserved());
        assertTrue(ResourcePath.parse("/alice/.acl/x").isServerReserved());
    }
}
