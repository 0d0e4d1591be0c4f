package org.intentpod.access;

import java.util.Set;
import org.intentpod.http.ResourcePath;

/**
 * What a request needs, described by its handler before the store is touched: modes on the target and,
 * when it creates something, modes on the container it lands in.
 *
 * @param target the resource acted on
 * @param onTarget modes needed on it
 * @param container the container a new resource lands in, or null
 * @param onContainer modes needed on that container (empty when it is null)
 */
public record Operation(ResourcePath target, Set<AccessMode> onTarget, ResourcePath container, Set<AccessMode> onContainer) {

    public Operation {
        onTarget = Set.copyOf(onTarget);
        onContainer = Set.copyOf(onContainer);
    }

    public static Operation on(ResourcePath target, AccessMode... modes) {
        return new Operation(target, Set.of(modes), null, Set.of());
    }

    /** The same operation, plus modes on the container a new resource is created in. */
    public Operation creatingIn(ResourcePath parent, AccessMode... modes) {
        return new Operation(target, onTarget, parent, Set.of(modes));
    }
}
