package org.parley.node.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the {@link Route} for a request line. A path no route declares is {@link NotFound}; a path
 * that exists under other methods is {@link MethodNotAllowed} with the methods it has (RFC 9110
 * §15.5.6: a 405 carries an Allow header), so the answer is decided before any handler runs.
 */
final class Router {

    sealed interface Resolution {}

    record Found(Route route, Map<String, String> parameters) implements Resolution {
        Found {
            parameters = Map.copyOf(parameters);
        }
    }

    record NotFound(String path) implements Resolution {}

    record MethodNotAllowed(String method, List<String> allowed) implements Resolution {
        MethodNotAllowed {
            allowed = List.copyOf(allowed);
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("a 405 names at least one allowed method");
            }
        }
    }

    private Router() {}

    static Resolution resolve(String method, String path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : Route.values()) {
            Optional<Map<String, String>> parameters = route.path().match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Found(route, parameters.get());
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new NotFound(path) : new MethodNotAllowed(method, List.copyOf(allowed));
    }
}
