package org.parley.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Talks to a node's operator API over HTTPS, trusting only the node's own party CA (the operator's
 * keys folder holds {@code ca.crt}). Used by the CLI and the demo.
 */
public final class OperatorClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;

    /** The API answered with an error; the message is the problem document's detail. */
    public static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public OperatorClient(URI base, String token, Path caCertificate) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .sslContext(trusting(caCertificate))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static SSLContext trusting(Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            X509Certificate ca =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("party-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the party CA certificate " + caCertificate + ": " + e, e);
        }
    }

    public JsonNode get(String path) {
        return call(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public JsonNode post(String path, JsonNode body) {
        return call(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public JsonNode put(String path, JsonNode body) {
        return call(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A plain-text resource, such as {@code metrics} (Prometheus text format). */
    public String text(String path) {
        return new String(send(HttpRequest.newBuilder(base.resolve(path)).GET()), StandardCharsets.UTF_8);
    }

    /** A resource in the media type asked for by {@code accept} (GeoJSON, CAP XML). */
    public String text(String path, String accept) {
        return new String(
                send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Accept", accept)
                        .GET()),
                StandardCharsets.UTF_8);
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            byte[] bytes = send(request);
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ApiException(
                    0, "the node at " + base + " answered with something that is not JSON: " + e.getMessage());
        }
    }

    /** The body of a 2xx answer; a 4xx or 5xx becomes an {@link ApiException} with the problem's detail. */
    private byte[] send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(
                    request.header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                JsonNode problem = JSON.readTree(
                        response.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : response.body());
                throw new ApiException(
                        response.statusCode(), problem.path("detail").asText("HTTP " + response.statusCode()));
            }
            return response.body();
        } catch (IOException e) {
            throw new ApiException(0, "cannot reach the node at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted");
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
