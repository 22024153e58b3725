package cn.gov.linfen.fenhe.procedures.p2;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.engine.validation.TaskCompletionCheck;
import cn.gov.linfen.fenhe.identity.ApplicantAccess;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Engine-side wiring of P2 (设施农业用地): the start check, the server-side checks of each kind of user
 * task (named in the models as {@code ${farmland…Check}}), the applicant's read access to his own
 * case, and who inspects ({@link FarmlandInspections}). Checks that depend on the time use the
 * engine's clock.
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class FarmlandConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(FarmlandConfiguration.class);

  private final FenheClock clock;

  public FarmlandConfiguration(FenheClock clock) {
    this.clock = clock;
  }

  private Instant now() {
    return clock.now();
  }

  @Bean(FarmlandInspections.BEAN_NAME)
  FarmlandInspections farmlandInspections(FarmlandProperties properties, ResourceLoader resources)
      throws IOException {
    Resource data = resources.getResource(properties.townshipsData());
    if (!data.exists()) {
      throw new IllegalStateException(
          "fenhe.farmland.townships-data: " + properties.townshipsData() + " not found");
    }
    FarmlandTownships townships =
        FarmlandTownships.load(data.getInputStream(), properties.townshipsData());
    LOG.info(
        "P2 monthly township inspections: townships from {} ({})",
        properties.townshipsData(),
        townships.source());
    townships.warnings().forEach(LOG::warn);
    return new FarmlandInspections(townships.byCountyCode(), clock);
  }

  /**
   * Numbers the filing when the engine reaches 登记备案: the township's next number of the year ({@code
   * 尧都区屯里镇设施农业用地备〔2026〕3号}), in the transaction that completes the township's check; the worker
   * writes the record with it. One number per case (a retried worker takes none).
   */
  @Bean
  org.camunda.bpm.engine.delegate.ExecutionListener farmlandFilingNumber(
      cn.gov.linfen.fenhe.documents.DocumentNumbers numbers) {
    return execution -> {
      String office =
          execution.getVariable(FarmlandProcess.Variables.COUNTY)
              + ""
              + execution.getVariable(FarmlandProcess.Variables.TOWNSHIP);
      org.camunda.bpm.engine.impl.identity.Authentication user =
          execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      String number =
          numbers
              .issue(
                  execution.getProcessBusinessKey(),
                  FarmlandDocuments.FILING.kind(),
                  FarmlandDocuments.FILING.kind() + ":" + office,
                  office + "设施农业用地备",
                  user == null ? "system" : user.getUserId())
              .number();
      execution.setVariable(FarmlandProcess.Variables.FILING_NUMBER, number);
    };
  }

  /** P2's 公示 and 备案表 as PDF (docs/documents.md). */
  @Bean
  FarmlandDocuments farmlandDocuments() {
    return new FarmlandDocuments(clock.zone());
  }

  @Bean
  StartValidator farmlandFilingStartValidator(FilingApplicationCheck check) {
    return StartValidator.of(FarmlandProcess.KEY, check::check);
  }

  /**
   * P2-R08: a case started with {@code previousFilingKey} (a change of use or scale, from the start
   * form or the changes API) must name a filed farmland case.
   */
  @Bean
  StartValidator farmlandPreviousFilingValidator(ObjectProvider<ProcessEngine> engine) {
    return StartValidator.of(
        FarmlandProcess.KEY,
        variables -> {
          Object key = variables.get(FarmlandProcess.Variables.PREVIOUS_FILING_KEY);
          if (key == null || key instanceof String text && text.isBlank()) {
            return List.of();
          }
          boolean filed =
              key instanceof String text
                  && Context.getCommandContext()
                      .runWithoutAuthorization(
                          () -> {
                            HistoryService history = engine.getObject().getHistoryService();
                            return history
                                .createHistoricProcessInstanceQuery()
                                .processDefinitionKey(FarmlandProcess.KEY)
                                .processInstanceBusinessKey(text.trim())
                                .list()
                                .stream()
                                .anyMatch(
                                    old ->
                                        history
                                                .createHistoricVariableInstanceQuery()
                                                .processInstanceId(old.getId())
                                                .variableName(
                                                    FarmlandProcess.Variables.FILING_NUMBER)
                                                .count()
                                            > 0);
                          });
          return filed
              ? List.of()
              : List.of(
                  P2Refusal.PREVIOUS_FILING_UNKNOWN.at(
                      FarmlandProcess.Variables.PREVIOUS_FILING_KEY));
        });
  }

  @Bean
  ApplicantAccess farmlandApplicantAccess() {
    return new ApplicantAccess(FarmlandProcess.Variables.APPLICANT);
  }

  @Bean
  TaskCompletionCheck farmlandAgreementCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::agreement);
  }

  @Bean
  TaskCompletionCheck farmlandPostingCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.posting(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandObjectionCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.objection(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandObjectionHandlingCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::objectionHandling);
  }

  @Bean
  TaskCompletionCheck farmlandSigningCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::signing);
  }

  @Bean
  TaskCompletionCheck farmlandCollectiveConfirmationCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::collectiveConfirmation);
  }

  @Bean
  TaskCompletionCheck farmlandBasicFarmlandReportCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.basicFarmlandReport(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandAgricultureReceiptCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.agricultureReceipt(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandUnfiledLandUseCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.unfiledLandUse(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandCountyReviewCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::countyReview);
  }

  @Bean
  TaskCompletionCheck farmlandReviewCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::review);
  }

  @Bean
  TaskCompletionCheck farmlandFilingCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::filing);
  }

  @Bean
  TaskCompletionCheck farmlandForwardingCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.forwarding(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandRegistrationCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::registration);
  }

  @Bean
  TaskCompletionCheck farmlandInspectionCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.inspection(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandInspectionConfirmationCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::inspectionConfirmation);
  }

  @Bean
  TaskCompletionCheck farmlandYearlyDisclosureCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(v -> checks.yearlyDisclosure(v, now()));
  }

  @Bean
  TaskCompletionCheck farmlandIllegalLandUseCheck(FarmlandChecks checks) {
    return TaskCompletionCheck.of(checks::illegalLandUse);
  }
}
