package cn.gov.linfen.fenhe.workers.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables.*;

import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess;
import cn.gov.linfen.fenhe.procedures.p4.DrawingSellers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.variable.ClientValues;
import org.springframework.stereotype.Component;

/**
 * Topic {@value CoalQualitySamplingProcess.Topics#DRAW_SELLERS}: the county's monthly draw (P4-R01)
 * from the register recorded on the plan, with the given seed or a new one; the seed is recorded so
 * the draw can be verified. Read, call, complete.
 */
@Component
@ExternalTaskSubscription(CoalQualitySamplingProcess.Topics.DRAW_SELLERS)
public class DrawSellersWorker implements ExternalTaskHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DrawingSellers drawing;

  public DrawSellersWorker(DrawingSellers drawing) {
    this.drawing = drawing;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    DrawingSellers.Draw draw;
    try {
      Object register = task.getVariable(REGISTERED_SELLERS);
      List<DrawingSellers.Candidate> candidates = new ArrayList<>();
      for (JsonNode seller : JSON.readTree(register == null ? "[]" : register.toString())) {
        candidates.add(
            new DrawingSellers.Candidate(
                seller.get("creditCode").asText(),
                seller.path("sampledThisYear").asBoolean(false)));
      }
      Object given = task.getVariable(DRAW_SEED);
      String seed =
          given == null || given.toString().isBlank()
              ? DrawingSellers.newSeed()
              : given.toString().trim();
      draw = drawing.draw(candidates, seed);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      service.handleFailure(task, "抽取失败 / the draw failed", e.getMessage(), 0, 0L);
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(DRAW_SEED, draw.seed());
    output.put(DRAW_TARGET, draw.target());
    output.put(DRAWN_SELLERS, ClientValues.jsonValue(toJson(draw.drawn())));
    output.put(DRAWN_COUNT, draw.drawn().size());
    output.put(DRAW_SUMMARY, draw.summary());
    service.complete(task, output);
  }

  private static String toJson(List<String> codes) {
    try {
      return JSON.writeValueAsString(codes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
