package cn.gov.linfen.fenhe.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A caller of the platform over HTTP, logging in like users do (HTTP Basic with the user's
 * password), or anonymously.
 */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String authorization;
  private final Map<String, String> headers;

  private Http(String baseUrl, String authorization) {
    this(baseUrl, authorization, Map.of());
  }

  private Http(String baseUrl, String authorization, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.headers = headers;
  }

  /** The same caller sending one more header with every request (e.g. X-Forwarded-For). */
  public Http header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Http(baseUrl, authorization, more);
  }

  public static Http as(String baseUrl, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(baseUrl, "Basic " + token);
  }

  public static Http anonymous(String baseUrl) {
    return new Http(baseUrl, null);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /**
   * A binary answer (a PDF, a file), asked with {@code Accept: application/pdf, application/json}.
   */
  public Binary getBytes(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/pdf, application/json")
            .GET();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    headers.forEach(builder::header);
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Binary(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status, bytes and headers of a binary answer. */
  public record Binary(int status, byte[] body, Map<String, List<String>> headers) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public Response post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response postMultipart(String path, String boundary, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status and body of an answer. */
  public record Response(int status, String body, Map<String, List<String>> headers) {

    /** The first value of a response header (null if absent). */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
