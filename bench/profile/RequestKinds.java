import java.nio.file.*;
import java.util.*;
import jdk.jfr.consumer.*;

/**
 * A flight recording's CPU samples by the REST call they served (issue 20, run R1 in docs/benchmarks.md).
 * Single-file source, no build:
 *
 * <pre>
 *   java bench/profile/RequestKinds.java FILE.jfr SKIP_SECONDS [FOCUS TOP]
 * </pre>
 *
 * Each sample goes to the outermost resource method of Camunda's REST API on its stack ("rest
 * TaskResourceImpl.submit"), else to the outermost Fenhe controller, else (a request thread without either:
 * Tomcat, the servlet filters, Jersey's routing and JSON) to the outermost Fenhe class on the stack ("http
 * EngineProviderLookupFilter…", or "http (no resource)" where there is none, as in the baselines), else to its
 * thread ("thread TopicSubscriptionManager"). FOCUS: for the kinds containing that text, the leaf methods
 * (self) and every method on the stack (inclusive), TOP lines each. Record with the harness's
 * BENCH_JVM_FLAGS="… -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=DIR/,settings=profile".
 */
public class RequestKinds {
  public static void main(String[] a) throws Exception {
    long skip = Long.parseLong(a[1]) * 1000;
    String focus = a.length > 2 ? a[2] : null;
    int top = a.length > 3 ? Integer.parseInt(a[3]) : 30;
    Map<String, Integer> buckets = new HashMap<>();
    Map<String, Integer> selfInFocus = new HashMap<>();
    Map<String, Integer> inclInFocus = new HashMap<>();
    long first = -1; int total = 0, focusTotal = 0;
    try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
        long t = e.getStartTime().toEpochMilli();
        if (first < 0) first = t;
        if (t - first < skip) continue;
        RecordedStackTrace st = e.getStackTrace();
        if (st == null) continue;
        List<RecordedFrame> frames = st.getFrames();
        String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
        String bucket = null;
        for (int i = frames.size() - 1; i >= 0; i--) {
          RecordedMethod m = frames.get(i).getMethod();
          String c = m.getType().getName();
          if ((c.startsWith("org.camunda.bpm.engine.rest.impl.") || c.startsWith("org.camunda.bpm.engine.rest.sub."))
              && !c.contains("$")) { bucket = "rest " + simple(c) + "." + m.getName(); break; }
          if (c.startsWith("cn.gov.linfen.fenhe.") && (c.endsWith("Controller") || c.endsWith("Api") || c.endsWith("Resource"))) {
            bucket = "fenhe " + simple(c) + "." + m.getName(); break; }
        }
        if (bucket == null) {
          String tn = thread.replaceAll("[0-9]+", "#");
          if (tn.startsWith("http-nio")) {
            bucket = "http (no resource)";
            for (int i = frames.size() - 1; i >= 0; i--) {
              String c = frames.get(i).getMethod().getType().getName();
              if (c.startsWith("cn.gov.linfen.fenhe.")) { bucket = "http " + simple(c) + "." + frames.get(i).getMethod().getName(); break; }
            }
          } else bucket = "thread " + tn;
        }
        total++;
        buckets.merge(bucket, 1, Integer::sum);
        if (focus != null && bucket.contains(focus)) {
          focusTotal++;
          selfInFocus.merge(name(frames.get(0)), 1, Integer::sum);
          Set<String> seen = new HashSet<>();
          for (RecordedFrame fr : frames) { String n = name(fr); if (seen.add(n)) inclInFocus.merge(n, 1, Integer::sum); }
        }
      }
    }
    System.out.println("samples " + total);
    print(buckets, total, top);
    if (focus != null) {
      System.out.println("\n== focus " + focus + ": " + focusTotal + " self");
      print(selfInFocus, focusTotal, top);
      System.out.println("\n== inclusive");
      print(inclInFocus, focusTotal, top * 2);
    }
  }
  static String simple(String c) { return c.substring(c.lastIndexOf('.') + 1); }
  static String name(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }
  static void print(Map<String, Integer> m, int total, int top) {
    m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(top)
        .forEach(x -> System.out.printf("%6d %5.1f%%  %s%n", x.getValue(), 100.0 * x.getValue() / total, x.getKey()));
  }
}
