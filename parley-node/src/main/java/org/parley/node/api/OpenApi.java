package org.parley.node.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The operator API's OpenAPI 3.1 document, kept as a resource beside this class. */
final class OpenApi {
    private static final byte[] DOCUMENT = load();

    private OpenApi() {}

    static byte[] document() {
        return DOCUMENT.clone();
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
