package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.web.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A page of a workbench list and its filters, checked: page ≥ 0, 1 ≤ size ≤ {@value #MAX_SIZE},
 * search text at most {@value #MAX_SEARCH} characters.
 *
 * @param page the page, from 0
 * @param size items per page
 * @param q search text over business key and applicant name, or {@code null}
 * @param procedure a process definition key, or {@code null}
 */
public record ListQuery(int page, int size, String q, String procedure) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  public static final int MAX_SEARCH = 100;
  public static final int MAX_PAGE = 100_000;

  public ListQuery {
    if (page < 0) {
      throw new InvalidInputException(WorkbenchRefusal.PAGE_NEGATIVE.at("page"));
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException(WorkbenchRefusal.PAGE_SIZE_OUT_OF_RANGE.at("size", MAX_SIZE));
    }
    if (page > MAX_PAGE) {
      throw new InvalidInputException(WorkbenchRefusal.PAGE_TOO_LARGE.at("page", MAX_PAGE));
    }
    q = q == null || q.isBlank() ? null : q.strip();
    if (q != null && q.length() > MAX_SEARCH) {
      throw new InvalidInputException(WorkbenchRefusal.SEARCH_TOO_LONG.at("q", MAX_SEARCH));
    }
    procedure = procedure == null || procedure.isBlank() ? null : procedure.strip();
  }

  /** The answer of a list: {@code {items, total, page, size}}. */
  public Map<String, Object> answer(List<?> items, long total) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items);
    answer.put("total", total);
    answer.put("page", page);
    answer.put("size", size);
    return answer;
  }

  public long offset() {
    return (long) page * size;
  }

  /** The search text as a LIKE pattern (lower case, wildcards escaped with {@code !}). */
  public String like() {
    String escaped =
        q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }
}
