package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * openapi.json against the OpenAPI 3.1 JSON Schema (spec.openapis.org/oas/3.1/schema/2022-10-07,
 * with the 3.1 dialect for Schema Objects), as Vert.x OpenAPI ships and checks it. Redocly's lint,
 * run by {@code verify}, adds the rules a schema cannot state.
 */
class OpenApiDocumentTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static OutputUnit validate(JsonObject contract) throws Exception {
        OpenAPIVersion version = OpenAPIVersion.fromContract(contract);
        SchemaRepository repository = version.getRepository(vertx, "app:///").await(10, TimeUnit.SECONDS);
        return version.validateContract(vertx, repository, contract).await(10, TimeUnit.SECONDS);
    }

    private static JsonObject document() {
        return new JsonObject(OpenApi.document());
    }

    @Test
    void validate_servedDocument_isValidOpenApi31() throws Exception {
        JsonObject contract = document();
        OutputUnit result = validate(contract);
        assertThat(OpenAPIVersion.fromContract(contract)).isEqualTo(OpenAPIVersion.V3_1);
        assertThat(result.getErrors()).as("schema errors").isNullOrEmpty();
        assertThat(result.getValid()).isTrue();
    }

    @Test
    void validate_operationWithoutResponsesObject_isRefused() throws Exception {
        // The control case: the same check on a broken copy must fail, or the test above proves nothing.
        JsonObject contract = document();
        contract.getJsonObject("paths")
                .getJsonObject("/health")
                .getJsonObject("get")
                .put("responses", "none");
        assertThat(validate(contract).getValid()).isFalse();
    }

    @Test
    void validate_documentWithoutInfo_isRefused() throws Exception {
        JsonObject contract = document();
        contract.remove("info");
        assertThat(validate(contract).getValid()).isFalse();
    }
}
