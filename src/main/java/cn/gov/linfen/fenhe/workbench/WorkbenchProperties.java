package cn.gov.linfen.fenhe.workbench;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fenhe.workbench.*} (工作台, docs/workbench.md).
 *
 * @param applicantNameVariables per process definition key, the variable holding the applicant's
 *     (enterprise's, operator's…) name that the lists show and search (e.g. {@code soe-reform-fund:
 *     enterpriseName})
 * @param defaultApplicantNameVariable the variable for a process key not listed; default {@code
 *     enterpriseName}
 * @param deadlineScanInterval how often the deadline-near / overdue scan runs; default 10 minutes
 * @param deadlineNearWorkingDays a task is "near" its deadline when at most this many working days
 *     are left (0–10); default 1
 * @param todoCountLimit 待办 counts its total exactly up to this many tasks (100–100,000) and answers
 *     "at least" beyond (docs/workbench.md, "待办 at scale"); default 1,000
 */
@Validated
@ConfigurationProperties("fenhe.workbench")
public record WorkbenchProperties(
    @NotNull @DefaultValue Map<String, @NotBlank String> applicantNameVariables,
    @NotBlank @DefaultValue("enterpriseName") String defaultApplicantNameVariable,
    @NotNull @DefaultValue("PT10M") Duration deadlineScanInterval,
    @Min(0) @Max(10) @DefaultValue("1") int deadlineNearWorkingDays,
    @Min(100) @Max(100_000) @DefaultValue("1000") int todoCountLimit) {

  /** The name variable of a process key. */
  public String applicantNameVariable(String processKey) {
    return applicantNameVariables.getOrDefault(processKey, defaultApplicantNameVariable);
  }

  /** Every name variable (for a search across procedures). */
  public Set<String> allApplicantNameVariables() {
    Set<String> names = new LinkedHashSet<>(applicantNameVariables.values());
    names.add(defaultApplicantNameVariable);
    return names;
  }

  /** The name variables of some process keys. */
  public Set<String> applicantNameVariables(Collection<String> processKeys) {
    Set<String> names = new LinkedHashSet<>();
    processKeys.forEach(key -> names.add(applicantNameVariable(key)));
    return names;
  }
}
