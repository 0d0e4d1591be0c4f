package org.intentpod.shapes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reason data was refused, readable by a person.
 *
 * @param focusNode the node that is wrong
 * @param path the property, or null for the node as a whole
 * @param value the offending value, or null
 * @param constraint the SHACL constraint component's local name, e.g. MinCountConstraintComponent
 * @param message what is wrong, in the chosen language
 * @param hint what the property is for (the shape's sh:description), or null
 */
public record Violation(String focusNode, String path, String value, String constraint, String message, String hint) {

    /** As the members of a problem+json "violations" entry. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("focusNode", focusNode);
        if (path != null) {
            map.put("path", path);
        }
        if (value != null) {
            map.put("value", value);
        }
        map.put("constraint", constraint);
        map.put("message", message);
        if (hint != null) {
            map.put("hint", hint);
        }
        return map;
    }
}
