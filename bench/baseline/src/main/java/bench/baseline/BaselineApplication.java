package bench.baseline;

import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The baseline: Camunda 7.24's Spring Boot starter with the REST API, stock configuration, the P1
 * BPMN/DMN files (in bpmn/ on the classpath, deployed by the starter's default pattern) and only the
 * stand-ins the model needs to run at all:
 * <ul>
 * <li>{@code soeReformFundApplicantAccess} (execution listener) and the task completion checks
 * {@code soeReformFund*Check} (task listeners): beans that do nothing;</li>
 * <li>{@code nWD} durations (working days) and the notice's transfer date
 * ({@code soeReformFundTransferDate.after(n)}): n calendar days, no holiday calendar.</li>
 * </ul>
 * With the Spring profile {@code secured}: authentication, authorization and Fenhe's grants, see
 * {@link SecuredConfiguration}.
 */
@SpringBootApplication
public class BaselineApplication {

  public static void main(String[] args) {
    SpringApplication.run(BaselineApplication.class, args);
  }

  /** Does nothing: stands in for Fenhe's listeners. */
  static final class NoOp implements TaskListener, ExecutionListener {
    @Override
    public void notify(DelegateTask task) {}

    @Override
    public void notify(DelegateExecution execution) {}
  }

  /** Bare: nobody logs in, no grant to write (the secured profile writes the applicant's grants). */
  @Bean @Profile("!secured") NoOp soeReformFundApplicantAccess() { return new NoOp(); }
  @Bean NoOp soeReformFundReviewCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundCorrectionCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundFollowUpCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundHoldCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundNoticeCheck() { return new NoOp(); }
  /** Fenhe numbers the notice from its documents table here; the baseline's client sends a number. */
  @Bean NoOp soeReformFundNoticeNumber() { return new NoOp(); }
  @Bean NoOp soeReformFundProcurementCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundSasacEvaluationCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundSelfEvaluationCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundSuspensionDecisionCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundTransferCheck() { return new NoOp(); }
  @Bean NoOp soeReformFundWithdrawalCheck() { return new NoOp(); }
  /** The yearly evaluation's start listener (its timer is due at deployment): lists no project. */
  @Bean NoOp soeReformFundYearProjects() { return new NoOp(); }

  /** The notice's transfer date, n working days from today: here n calendar days (as "nWD" below). */
  public static final class TransferDate {
    public String after(int days) {
      return ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)).toString().substring(0, 10);
    }
  }

  @Bean TransferDate soeReformFundTransferDate() { return new TransferDate(); }

  static final Pattern WD = Pattern.compile("(\\d+)WD");

  /** "3WD" = 3 calendar days (stand-in for Fenhe's working-day calendar); everything else stock. */
  @Bean
  AbstractProcessEnginePlugin workingDaysStandIn() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = (MapBusinessCalendarManager) configuration.getBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, wrap(new DurationBusinessCalendar()));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, wrap(new DueDateBusinessCalendar()));
      }
    };
  }

  static BusinessCalendar wrap(BusinessCalendar stock) {
    return new BusinessCalendar() {
      @Override
      public Date resolveDuedate(String duedate) {
        return resolveDuedate(duedate, (Date) null);
      }

      @Override
      public Date resolveDuedate(String duedate, Date startDate) {
        Matcher m = WD.matcher(duedate.trim());
        if (m.matches()) {
          Date from = startDate == null ? ClockUtil.getCurrentTime() : startDate;
          return Date.from(from.toInstant().plus(Duration.ofDays(Long.parseLong(m.group(1)))));
        }
        return stock.resolveDuedate(duedate, startDate);
      }

      @Override
      public Date resolveDuedate(String duedate, org.camunda.bpm.engine.task.Task task) {
        Matcher m = WD.matcher(duedate.trim());
        return m.matches() ? resolveDuedate(duedate, (Date) null) : stock.resolveDuedate(duedate, task);
      }
    };
  }
}
