package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.web.PlatformRefusal;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * A body of the engine REST API with a value of the wrong type or shape ({@code "active":
 * "perhaps"}, a string where a list belongs): 400 naming the field by its path in the body, in
 * Fenhe's error format — not an empty message or the reference chain of internal class names.
 */
public class JsonFieldErrorMapper implements ExceptionMapper<MismatchedInputException> {

  @Override
  public Response toResponse(MismatchedInputException exception) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(
            ErrorJson.of(
                "InvalidRequestException",
                PlatformRefusal.BODY_VALUE_WRONG_TYPE.at(path(exception))))
        .build();
  }

  static String path(JsonMappingException exception) {
    String path =
        exception.getPath().stream()
            .map(
                reference ->
                    reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "body" : path;
  }
}
