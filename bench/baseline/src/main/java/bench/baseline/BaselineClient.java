package bench.baseline;

import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.ExternalTaskClientBuilder;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;

/**
 * The baseline's minimal external-task client: completes each P1 topic at once with the variables
 * the model needs on the happy path (fixed values for the benchmark's application). Long polling,
 * no back-off, as Fenhe's workers; with {@code -Dworker.user=fenhe-worker} (the secured baseline)
 * HTTP Basic as that user. Run: java -cp camunda-baseline-1.jar
 * -Dloader.main=bench.baseline.BaselineClient org.springframework.boot.loader.launch.PropertiesLauncher
 */
public final class BaselineClient {

  public static void main(String[] args) throws Exception {
    String base = System.getProperty("engine", "http://127.0.0.1:8091/engine-rest");
    ExternalTaskClientBuilder builder = ExternalTaskClient.create().baseUrl(base).workerId("baseline-client")
        .asyncResponseTimeout(20000).maxTasks(10).lockDuration(60000).disableBackoffStrategy();
    String user = System.getProperty("worker.user");
    if (user != null) {
      // the secured baseline: HTTP Basic as the workers' technical user (its grants: Fenhe's policy)
      builder.addInterceptor(new BasicAuthProvider(user, System.getProperty("worker.password", SecuredConfiguration.PASSWORD)));
    }
    ExternalTaskClient client = builder.build();
    client.subscribe("p1-validate-application").handler((task, service) -> service.complete(task, Map.of(
        "applicationNumber", "LF-GQ-" + task.getProcessInstanceId(),
        "requestedAmount", "270000.00", "resettlementCostAmount", "170000.00", "fundingGap", "0.00",
        "hasLiquidationCosts", true, "hasResettlementCosts", true))).open();
    client.subscribe("p1-check-staffing-and-pay").handler((task, service) -> service.complete(task, Map.of(
        "staffingFindings", "", "staffingBreachCount", 0, "staffingStandardApplies", false, "staffingBand", ""))).open();
    client.subscribe("p1-issue-disbursement-notice").handler((task, service) -> service.complete(task, Map.of(
        "noticeNumber", "N-" + task.getProcessInstanceId(), "noticeIssuedOn", "2026-12-04",
        "disbursementNotice", "拨款通知书"))).open();
    client.subscribe("p1-record-transfer").handler((task, service) -> service.complete(task, Map.of(
        "transferOnTime", true, "transferRecord", "已划转"))).open();
    client.subscribe("fenhe-escalate").handler((task, service) -> service.complete(task)).open();
    client.subscribe("p1-open-evaluation-round").handler((task, service) -> service.complete(task)).open();
    Thread.currentThread().join();
  }
}
