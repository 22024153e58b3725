import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark driver (single-file source launch: {@code java bench/driver/Driver.java <command> …}).
 * Talks to Fenhe or the baseline only over REST, like users do. Prints one CSV line per result.
 *
 * <pre>
 *   uploads BASE N CONCURRENCY FILE         Fenhe's P1 start materials for N cases: each required start
 *                                           material of the catalogue (GET /api/procedures/soe-reform-fund/
 *                                           materials) as a small PDF to POST …/materials/uploads, as the
 *                                           applicant; FILE gets one line per case (the ids, comma-separated).
 *                                           An app without a catalogue (the baselines): FILE stays empty
 *   cases   BASE N CONCURRENCY LABEL [FILE] N happy-path P1 cases (mixed application: every step runs);
 *                                           case i starts with materialUploads = line i of FILE
 *   query   BASE USER PATH REQUESTS LABEL   one GET repeated (after 20 warm-up calls): p50/p95/p99 in ms
 *   start-many BASE KEY N CONCURRENCY       start N instances of a process (as admin), no variables
 *   wait-up BASE TIMEOUT_S                  wait until /engine-rest/engine answers
 *   acts    BASE USER DEPARTMENTS N BATCH CONCURRENCY LABEL
 *                                           P5: lists the items of DEPARTMENTS city departments, then
 *                                           imports N acts in batches of BATCH (POST /api/supervision/acts,
 *                                           CONCURRENCY batches at a time); p50/p95/max per batch in ms
 * </pre>
 */
public class Driver {

  static final String PASSWORD = System.getenv().getOrDefault("FENHE_DEMO_PASSWORD", "Demo!2026fenhe");
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .executor(Executors.newFixedThreadPool(16)).build();
  static final Set<String> STANDING = Set.of("UserTask_WithdrawApplication", "UserTask_SuperviseDisbursement");
  /** Who completes which task on the happy path (the demo user of the task's candidate group). */
  static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("UserTask_SupervisingDepartmentReview", "demo-supervising-department"),
      Map.entry("UserTask_CompletenessCheck", "demo-reform-office"),
      Map.entry("UserTask_SupervisingDepartmentCostReview", "demo-supervising-department"),
      Map.entry("UserTask_HrssReview", "demo-hrss-bureau"),
      Map.entry("UserTask_MedicalInsuranceReview", "demo-medical-insurance-bureau"),
      Map.entry("UserTask_HealthCommissionReview", "demo-health-commission"),
      Map.entry("UserTask_SasacReview", "demo-sasac"),
      Map.entry("UserTask_FiscalReview", "demo-finance-bureau"),
      Map.entry("UserTask_GovernmentProcurement", "demo-supervising-department"),
      Map.entry("UserTask_FinanceRecheck", "demo-finance-bureau"),
      Map.entry("UserTask_ReformOfficeSignOff", "demo-reform-office"),
      Map.entry("UserTask_MunicipalGovernmentSignOff", "demo-municipal-government"),
      Map.entry("UserTask_LeaderConsent", "demo-municipal-government"),
      Map.entry("UserTask_PrepareDisbursementNotice", "demo-reform-office"),
      Map.entry("UserTask_TransferFunds", "demo-jilin-investment"));

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception e) {
      // the HTTP client's threads would keep the JVM (and the script waiting for it) alive
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static void run(String[] args) throws Exception {
    switch (args[0]) {
      case "uploads" -> uploads(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
      case "cases" -> cases(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
          args.length > 5 ? java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[5])) : List.of());
      case "query" -> query(args[1], args[2], args[3], Integer.parseInt(args[4]), args[5]);
      case "start-many" -> startMany(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "wait-up" -> waitUp(args[1], Integer.parseInt(args[2]));
      case "acts" -> acts(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
          Integer.parseInt(args[5]), Integer.parseInt(args[6]), args[7]);
      case "cluster" -> cluster(args[1].split(","), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  // ------------------------------------------------------------------ HTTP

  record Response(int status, String body) {}

  static Response call(String base, String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Accept", "application/json");
    if (user != null) {
      String password = user.equals("admin") ? System.getenv().getOrDefault("FENHE_ADMIN_PASSWORD", PASSWORD) : PASSWORD;
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body());
  }

  static Response ok(Response response, String what, int... expected) {
    for (int e : expected) {
      if (response.status() == e) {
        return response;
      }
    }
    throw new IllegalStateException(what + ": HTTP " + response.status() + " " + response.body());
  }

  // ------------------------------------------------------------------ cases

  static String variables(Map<String, Object> variables) {
    StringBuilder json = new StringBuilder("{");
    variables.forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(quote(name)).append(":{\"value\":");
      if (value instanceof String s && s.startsWith("[")) {
        json.append(quote(s)).append(",\"type\":\"Json\"}");
      } else if (value instanceof String s) {
        json.append(quote(s)).append('}');
      } else {
        json.append(value).append('}');
      }
    });
    return json.append('}').toString();
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A mixed liquidation + resettlement application under 500,000 yuan: all five reviews and both sign-offs. */
  static Map<String, Object> application() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("enterpriseName", "临汾市第二机械厂");
    v.put("reformType", "LIQUIDATION");
    // Art. 5 (P1-R16): a liquidation-deregistration owes only wages and social insurance
    v.put("onlyEmployeeDebtsDeclared", true);
    v.put("supervisingDepartmentName", "临汾市工业和信息化局");
    v.put("legalRepresentative", "张建国");
    v.put("legalRepresentativePhone", "0357-2088001");
    v.put("liquidationTeamLeader", "李清");
    v.put("liquidationTeamLeaderPhone", "13903570001");
    v.put("employeeCount", 320);
    v.put("totalReformCost", "5000000.00");
    v.put("assetRealization", "1500000.00");
    v.put("landProceeds", "2000000.00");
    v.put("fundPurpose", "支付职工安置费用及清算费用");
    v.put("performanceGoals", "年内安置职工 320 人，拖欠工资和社保清偿率 100%，完成简易注销");
    v.put("liquidationCostAmount", "100000.00");
    v.put("economicCompensation", "60000.00");
    v.put("medicalArrears", "30000.00");
    v.put("oneChildFees", "20000.00");
    v.put("laidOffLivingAllowance", "36000.00");
    v.put("over4050LivingAllowance", "24000.00");
    return v;
  }

  static Map<String, Object> answer(String taskKey, String requestedAmount) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (taskKey) {
      case "UserTask_GovernmentProcurement" -> {
        v.put("procurementReference", "LFCG-2026-0088");
        v.put("procurementResult", "已完成采购");
      }
      case "UserTask_PrepareDisbursementNotice" -> {
        v.put("approvedAmount", requestedAmount);
        v.put("disbursementType", "PAY");
        v.put("disbursementAmount", requestedAmount);
        v.put("accountName", "临汾市某主管局");
        v.put("accountNumber", "1410 0123 4567 8901");
        v.put("bankName", "中国工商银行临汾分行");
        v.put("bankCode", "102171000019");
        v.put("accountContact", "王会计");
        v.put("accountContactPhone", "0357-2012345");
      }
      case "UserTask_TransferFunds" -> {
        v.put("transferredAmount", requestedAmount);
        v.put("transferVoucherNumber", "JL-HZ-0001");
      }
      default -> {
        v.put("approved", true);
        v.put("opinion", "同意");
        if (taskKey.equals("UserTask_SupervisingDepartmentReview")) {
          v.put("fiscalAdvanceRequested", true);
          v.put("fiscalAdvanceNote", "资产变现周期长，申请财政垫资");
        }
      }
    }
    return v;
  }

  static void cases(String base, int n, int concurrency, String label, List<String> uploads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger userTasks = new AtomicInteger();
    long begin = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int number = i;
      futures.add(pool.submit(() -> {
        try {
          long t0 = System.nanoTime();
          String materials = number < uploads.size() ? uploads.get(number) : null;
          userTasks.addAndGet(oneCase(base, label + "-" + ProcessHandle.current().pid() + "-" + number, materials));
          latencies.add(System.nanoTime() - t0);
        } catch (Exception e) {
          failures.incrementAndGet();
          System.err.println("case " + number + ": " + e.getMessage());
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("cases,%s,%d,%d,%.3f,%.3f,%.1f,%.1f,%.1f%n", label, sorted.size(), failures.get(), seconds,
        sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95), userTasks.get() / Math.max(1.0, sorted.size()));
  }

  static double pct(List<Long> sortedNanos, int p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
  }

  /** One case from start to end; returns the number of user tasks completed. */
  static int oneCase(String base, String businessKey, String materialUploads) throws Exception {
    Map<String, Object> vars = application();
    if (materialUploads != null && !materialUploads.isBlank()) {
      vars.put("materialUploads", materialUploads);
    }
    String body = "{\"businessKey\":" + quote(businessKey) + ",\"variables\":" + variables(vars) + "}";
    Response started = ok(call(base, "demo-liquidation-team", "POST",
        "/engine-rest/process-definition/key/soe-reform-fund/start", body), "start", 200);
    String id = Json.str(Json.parse(started.body()), "id");
    String requested = null;
    Set<String> done = ConcurrentHashMap.newKeySet();
    int worked = 0;
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      Response open = ok(call(base, "admin", "GET", "/engine-rest/task?firstResult=0&maxResults=50&processInstanceId=" + id, null), "tasks", 200);
      List<Object> tasks = Json.list(Json.parse(open.body()));
      boolean progressed = false;
      for (Object t : tasks) {
        Map<String, Object> task = Json.map(t);
        String key = Json.str(task, "taskDefinitionKey");
        String taskId = Json.str(task, "id");
        if (STANDING.contains(key) || done.contains(taskId)) {
          continue;
        }
        String user = USERS.get(key);
        if (user == null) {
          throw new IllegalStateException("no answer for " + key);
        }
        if (requested == null && (key.equals("UserTask_PrepareDisbursementNotice") || key.equals("UserTask_TransferFunds"))) {
          Response r = ok(call(base, "admin", "GET", "/engine-rest/process-instance/" + id + "/variables/requestedAmount", null),
              "requestedAmount", 200);
          requested = Json.str(Json.map(Json.parse(r.body())), "value");
        }
        if (task.get("assignee") == null) {
          ok(call(base, user, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":" + quote(user) + "}"),
              "claim " + key, 204);
        }
        String submit = "{\"variables\":" + variables(answer(key, requested)) + "}";
        ok(call(base, user, "POST", "/engine-rest/task/" + taskId + "/submit-form", submit), "submit " + key, 204);
        done.add(taskId);
        worked++;
        progressed = true;
      }
      if (!progressed) {
        Response instance = call(base, "admin", "GET", "/engine-rest/process-instance/" + id, null);
        if (instance.status() == 404) {
          return worked;
        }
        Thread.sleep(10);
      }
    }
    throw new IllegalStateException("case " + businessKey + " did not end in 300 s");
  }

  // ------------------------------------------------------------------ materials (Fenhe only)

  static final String APPLICANT = "demo-liquidation-team";

  /** The required materials of P1's start (types), or none when the app has no catalogue. */
  static List<String> startMaterials(String base) throws Exception {
    Response catalogue = call(base, APPLICANT, "GET", "/api/procedures/soe-reform-fund/materials", null);
    List<String> types = new ArrayList<>();
    if (catalogue.status() != 200) {
      return types;
    }
    for (Object m : Json.list(Json.parse(catalogue.body()))) {
      Map<String, Object> material = Json.map(m);
      if ("true".equals(Json.str(material, "required")) && Json.str(material, "step").startsWith("StartEvent_")) {
        types.add(Json.str(material, "type"));
      }
    }
    return types;
  }

  static void uploads(String base, int n, int concurrency, String file) throws Exception {
    List<String> types = startMaterials(base);
    String[] lines = new String[n];
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    long begin = System.nanoTime();
    if (!types.isEmpty()) {
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int number = i;
        futures.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (String type : types) {
            try {
              long t0 = System.nanoTime();
              Response r = upload(base, APPLICANT, "soe-reform-fund", type, pdf("bench " + type + " " + number));
              nanos.add(System.nanoTime() - t0);
              ids.add(Json.str(Json.parse(ok(r, "upload " + type, 201).body()), "id"));
            } catch (Exception e) {
              if (failures.incrementAndGet() < 5) {
                System.err.println("upload " + type + " for case " + number + ": " + e.getMessage());
              }
            }
          }
          lines[number] = String.join(",", ids);
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      java.nio.file.Files.write(java.nio.file.Path.of(file), List.of(lines));
    } else {
      java.nio.file.Files.write(java.nio.file.Path.of(file), List.of());
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf("uploads,%s,%d,%d,%d,%.3f,%.1f,%.1f%n", base, n, sorted.size(), failures.get(), seconds,
        pct(sorted, 50), pct(sorted, 95));
  }

  /** A one-page PDF (about 600 bytes) whose page shows the text, as the process tests upload. */
  static byte[] pdf(String text) {
    String stream = "BT /F1 12 Tf 72 720 Td (" + text.replaceAll("[^A-Za-z0-9 .-]", "_") + ") Tj ET";
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  // ------------------------------------------------------------------ cluster (issue 20, point 4)

  /** The materials the P1 start requires (processes/p1-soe-reform-fund/p1-materials.yaml), each as a PDF. */
  static final List<String> P1_START_MATERIALS = List.of("application-report", "reform-plan", "leading-group-approval",
      "audit-reports", "cost-estimate", "asset-realization-table");
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  static final AtomicInteger FAILOVERS = new AtomicInteger();
  /** Steps of P1 added since USERS was written (the leader's consent after both sign-offs). */
  static final Map<String, String> MORE_USERS = Map.of("UserTask_LeaderConsent", "demo-municipal-government");

  /** Engine nodes, in the order a case tries them; a node that failed is tried last for a while. */
  static final class Nodes {
    final String[] bases;
    final Map<String, Long> failedAt = new ConcurrentHashMap<>();

    Nodes(String[] bases) {
      this.bases = bases;
    }

    /** The nodes for case i: its own first, the others after; nodes that failed in the last 30 s last. */
    List<String> order(int i) {
      List<String> order = new ArrayList<>();
      for (int k = 0; k < bases.length; k++) {
        order.add(bases[(i + k) % bases.length]);
      }
      long now = System.currentTimeMillis();
      order.sort((a, b) -> Boolean.compare(now - failedAt.getOrDefault(a, 0L) < 30_000,
          now - failedAt.getOrDefault(b, 0L) < 30_000));
      return order;
    }
  }

  interface Call {
    Response on(String base) throws Exception;
  }

  /** The call on the case's node, or on the next one when a node does not answer (connection refused or reset). */
  static Response failover(Nodes nodes, int i, Call call) throws Exception {
    Exception last = null;
    for (int round = 0; round < 3; round++) {
      for (String base : nodes.order(i)) {
        try {
          Response r = call.on(base);
          if (r.status() != 502 && r.status() != 503) {
            return r;
          }
          last = new IllegalStateException(base + " answered " + r.status());
        } catch (java.io.IOException e) {
          last = e;
        }
        nodes.failedAt.put(base, System.currentTimeMillis());
        FAILOVERS.incrementAndGet();
      }
      Thread.sleep(1000);
    }
    throw last;
  }

  /** POST multipart type + file (named {@code <type>.pdf}) to a procedure's pending start uploads, as the user. */
  static Response upload(String base, String user, String processKey, String type, byte[] content) throws Exception {
    String boundary = "----fenhe-bench-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + type
        + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/procedures/" + processKey + "/materials/uploads"))
        .timeout(Duration.ofSeconds(120)).header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body());
  }

  static void cluster(String[] bases, int n, int concurrency, String label) throws Exception {
    Nodes nodes = new Nodes(bases);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger userTasks = new AtomicInteger();
    long begin = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int number = i;
      futures.add(pool.submit(() -> {
        try {
          long t0 = System.nanoTime();
          userTasks.addAndGet(clusterCase(nodes, number, label + "-" + number));
          latencies.add(System.nanoTime() - t0);
        } catch (Exception e) {
          failures.incrementAndGet();
          System.err.println("case " + number + ": " + e);
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("cluster,%s,%d,%d,%.3f,%.3f,%.1f,%.1f,%.1f,%d%n", label, sorted.size(), failures.get(), seconds,
        sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95), userTasks.get() / Math.max(1.0, sorted.size()),
        FAILOVERS.get());
  }

  /** One P1 case through the nodes, from the uploads to its end; returns the number of user tasks completed. */
  static int clusterCase(Nodes nodes, int i, String businessKey) throws Exception {
    String applicant = "demo-liquidation-team";
    List<String> uploads = new ArrayList<>();
    for (String type : P1_START_MATERIALS) {
      Response r = ok(failover(nodes, i, base -> upload(base, applicant, "soe-reform-fund", type, PDF)), "upload " + type, 201);
      uploads.add(Json.str(Json.parse(r.body()), "id"));
    }
    Map<String, Object> vars = application();
    vars.remove("submittedAttachments"); // uploaded now (materialTypes), not ticked
    vars.put("onlyEmployeeDebtsDeclared", true);
    vars.put("performanceGoals", "安置职工320人，2026年底前完成清算注销");
    vars.put("materialUploads", String.join(",", uploads));
    String body = "{\"businessKey\":" + quote(businessKey) + ",\"variables\":" + variables(vars) + "}";
    String id = null;
    for (int attempt = 0; id == null && attempt < 3; attempt++) {
      try {
        Response started = ok(failover(nodes, i, base -> call(base, applicant, "POST",
            "/engine-rest/process-definition/key/soe-reform-fund/start", body)), "start", 200);
        id = Json.str(Json.parse(started.body()), "id");
      } catch (Exception e) {
        // the answer may be lost with its node while the start was committed: never start a case twice
        Response found = ok(failover(nodes, i, base -> call(base, "admin", "GET",
            "/engine-rest/process-instance?firstResult=0&maxResults=10&businessKey="
                + URLEncoder.encode(businessKey, StandardCharsets.UTF_8), null)),
            "look up " + businessKey, 200);
        List<Object> instances = Json.list(Json.parse(found.body()));
        if (!instances.isEmpty()) {
          id = Json.str(instances.get(0), "id");
        } else {
          System.err.println("start of " + businessKey + " failed (attempt " + (attempt + 1) + "): " + e.getMessage());
          if (attempt == 2) {
            throw e;
          }
        }
      }
    }
    String instanceId = id;
    String requested = null;
    int worked = 0;
    long deadline = System.currentTimeMillis() + 600_000;
    while (System.currentTimeMillis() < deadline) {
      Response open = ok(failover(nodes, i, base -> call(base, "admin", "GET",
          "/engine-rest/task?firstResult=0&maxResults=50&processInstanceId=" + instanceId, null)), "tasks", 200);
      boolean progressed = false;
      for (Object t : Json.list(Json.parse(open.body()))) {
        Map<String, Object> task = Json.map(t);
        String key = Json.str(task, "taskDefinitionKey");
        String taskId = Json.str(task, "id");
        if (STANDING.contains(key)) {
          continue;
        }
        String user = USERS.getOrDefault(key, MORE_USERS.get(key));
        if (user == null) {
          throw new IllegalStateException("no answer for " + key);
        }
        if (requested == null && (key.equals("UserTask_PrepareDisbursementNotice") || key.equals("UserTask_TransferFunds"))) {
          Response r = ok(failover(nodes, i, base -> call(base, "admin", "GET",
              "/engine-rest/process-instance/" + instanceId + "/variables/requestedAmount", null)), "requestedAmount", 200);
          requested = Json.str(Json.map(Json.parse(r.body())), "value");
        }
        // a node that died after the claim or the completion was committed: the claim is repeated by the
        // same user (allowed), a completed task is no longer listed, one not completed is completed again
        Response r = new Response(204, "");
        if (task.get("assignee") == null) {
          r = failover(nodes, i, base -> call(base, user, "POST", "/engine-rest/task/" + taskId + "/claim",
              "{\"userId\":" + quote(user) + "}"));
        }
        if (r.status() == 204) {
          String submit = "{\"variables\":" + variables(answer(key, requested)) + "}";
          r = failover(nodes, i, base -> call(base, user, "POST", "/engine-rest/task/" + taskId + "/submit-form", submit));
        }
        if (r.status() != 204) {
          Response still = failover(nodes, i, base -> call(base, "admin", "GET", "/engine-rest/task/" + taskId, null));
          if (still.status() == 404) {
            progressed = true; // completed by the first attempt, on the node that died before it answered
            continue;
          }
          ok(r, "claim or submit " + key, 204);
        }
        worked++;
        progressed = true;
      }
      if (!progressed) {
        Response instance = failover(nodes, i, base -> call(base, "admin", "GET", "/engine-rest/process-instance/" + instanceId, null));
        if (instance.status() == 404) {
          return worked;
        }
        Thread.sleep(10);
      }
    }
    throw new IllegalStateException("case " + businessKey + " did not end in 600 s");
  }

  // ------------------------------------------------------------------ queries

  static void query(String base, String user, String path, int requests, String label) throws Exception {
    int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERY_WARMUP", "20"));
    for (int i = 0; i < warmup; i++) {
      ok(call(base, user, "GET", path, null), path, 200);
    }
    List<Long> nanos = new ArrayList<>();
    String last = null;
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      Response r = ok(call(base, user, "GET", path, null), path, 200);
      nanos.add(System.nanoTime() - t0);
      last = r.body();
    }
    Collections.sort(nanos);
    String size = last == null ? "" : last.length() > 60 ? last.substring(0, 60) : last;
    System.out.printf("query,%s,%d,%.1f,%.1f,%.1f,%s%n", label, requests, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
        quote(size.replace(",", ";")));
  }

  // ------------------------------------------------------------------ P5 acts

  static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  /** A valid unified social credit code (GB 32100) for the number. */
  static String creditCode(int number) {
    String first = "91141000MA0K" + String.format("%05d", number % 100000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_ALPHABET.indexOf(first.charAt(i)) * CREDIT_WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return first + CREDIT_ALPHABET.charAt(check == 31 ? 0 : check);
  }

  static String department(int d) {
    return "市基准监管局" + (d + 1);
  }

  static void acts(String base, String user, int departments, int n, int batch, int concurrency, String label)
      throws Exception {
    // every item is on its department's 检查实施清单: the acts are normal and run to their end
    for (int d = 0; d < departments; d++) {
      for (int i = 1; i <= 5; i++) {
        call(base, user, "PUT", "/api/supervision/lists/" + URLEncoder.encode(department(d), StandardCharsets.UTF_8)
            .replace("+", "%20") + "/items/JC-" + i, "{\"itemName\":\"对市场主体的监督检查" + i + "\"}");
      }
    }
    // acted an hour ago (Asia/Shanghai), so every act is on time and none is in the future
    String actedAt = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(1)
        .withNano(0).toString();
    int batches = (n + batch - 1) / batch;
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<Long>> futures = new ArrayList<>();
    AtomicInteger failures = new AtomicInteger();
    long begin = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      int first = b * batch;
      int size = Math.min(batch, n - first);
      futures.add(pool.submit(() -> {
        StringBuilder body = new StringBuilder("{\"acts\":[");
        for (int i = 0; i < size; i++) {
          int number = first + i;
          if (i > 0) {
            body.append(',');
          }
          body.append("{\"itemCode\":\"JC-").append(1 + number % 5)
              .append("\",\"objectName\":\"临汾市基准市场主体").append(number)
              .append("\",\"objectCreditCode\":\"").append(creditCode(number))
              .append("\",\"method\":\"ON_SITE\",\"kind\":\"INSPECTION\",\"content\":\"现场检查经营许可与台账\",")
              .append("\"result\":\"未发现问题\",\"department\":\"").append(department(number % departments))
              .append("\",\"inspectors\":[{\"name\":\"张三\",\"certificateNo\":\"14100012345\"},")
              .append("{\"name\":\"李四\",\"certificateNo\":\"14100012346\"}],\"actedAt\":\"")
              .append(actedAt).append("\"}");
        }
        body.append("]}");
        long t0 = System.nanoTime();
        Response r = call(base, user, "POST", "/api/supervision/acts", body.toString());
        long took = System.nanoTime() - t0;
        if (r.status() != 201 && failures.incrementAndGet() < 5) {
          System.err.println("batch at " + first + ": " + r.status() + " " + r.body());
        }
        return took;
      }));
    }
    List<Long> nanos = new ArrayList<>();
    for (Future<Long> f : futures) {
      nanos.add(f.get());
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - begin) / 1e9;
    Collections.sort(nanos);
    System.out.printf("acts,%s,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f%n", label, n, batches, failures.get(), seconds,
        n / seconds, pct(nanos, 50), pct(nanos, 95), nanos.get(nanos.size() - 1) / 1e6);
  }

  // ------------------------------------------------------------------ many instances

  static void startMany(String base, String key, int n, int concurrency) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> futures = new ArrayList<>();
    AtomicInteger failures = new AtomicInteger();
    long begin = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int number = i;
      futures.add(pool.submit(() -> {
        try {
          ok(call(base, "admin", "POST", "/engine-rest/process-definition/key/" + key + "/start",
              "{\"businessKey\":\"T-" + number + "\"}"), "start", 200);
        } catch (Exception e) {
          if (failures.incrementAndGet() < 5) {
            System.err.println(e.getMessage());
          }
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    System.out.printf("started,%s,%d,%d,%.1f%n", key, n, failures.get(), (System.nanoTime() - begin) / 1e9);
  }

  static void waitUp(String base, int timeoutSeconds) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (call(base, null, "GET", "/engine-rest/engine", null).status() == 200) {
          return;
        }
      } catch (Exception e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("not up after " + timeoutSeconds + " s");
  }

  // ------------------------------------------------------------------ a minimal JSON reader

  static final class Json {
    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      return json.value();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
      return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
      return (List<Object>) o;
    }

    static String str(Object o, String key) {
      Object v = map(o).get(key);
      return v == null ? null : v.toString();
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private Object value() {
      ws();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        while (true) {
          ws();
          String k = string();
          ws();
          i++; // :
          m.put(k, value());
          ws();
          if (s.charAt(i++) == '}') {
            return m;
          }
        }
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          ws();
          if (s.charAt(i++) == ']') {
            return l;
          }
        }
      }
      if (c == '"') {
        return string();
      }
      int start = i;
      while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      String token = s.substring(start, i);
      return token.equals("null") ? null : token;
    }

    private String string() {
      StringBuilder b = new StringBuilder();
      i++;
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'u' -> {
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
    }
  }
}
