package cn.gov.linfen.fenhe.workers.p1;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p1.ApplicationCheck;
import cn.gov.linfen.fenhe.procedures.p1.CheckingStaffingAndPay;
import cn.gov.linfen.fenhe.procedures.p1.CompletionChecks;
import cn.gov.linfen.fenhe.procedures.p1.ComputingFundingGap;
import cn.gov.linfen.fenhe.procedures.p1.DmnStaffingStandards;
import cn.gov.linfen.fenhe.procedures.p1.IssuingDisbursementNotice;
import cn.gov.linfen.fenhe.procedures.p1.OpeningEvaluationRound;
import cn.gov.linfen.fenhe.procedures.p1.RecordingTransfer;
import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain services of P1 (国企改革专项资金), wired explicitly for its workers and checks. */
@Configuration(proxyBeanMethods = false)
public class P1Configuration {

  @Bean
  ApplicationCheck soeReformFundApplicationCheck() {
    return new ApplicationCheck();
  }

  @Bean
  CompletionChecks soeReformFundCompletionChecks(ApplicationCheck applicationCheck) {
    return new CompletionChecks(applicationCheck);
  }

  @Bean
  ComputingFundingGap computingFundingGap(ApplicationCheck applicationCheck) {
    return new ComputingFundingGap(applicationCheck);
  }

  @Bean
  StaffingStandards staffingStandards() {
    return new DmnStaffingStandards();
  }

  @Bean
  CheckingStaffingAndPay checkingStaffingAndPay(StaffingStandards standards) {
    return new CheckingStaffingAndPay(standards);
  }

  @Bean
  IssuingDisbursementNotice issuingDisbursementNotice() {
    return new IssuingDisbursementNotice();
  }

  @Bean
  RecordingTransfer recordingTransfer(FenheClock clock) {
    return new RecordingTransfer(clock.zone());
  }

  @Bean
  OpeningEvaluationRound openingEvaluationRound(FenheClock clock) {
    return new OpeningEvaluationRound(clock.zone());
  }
}
