package cn.gov.linfen.fenhe.workers.p3;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p3.ApplicationCheck;
import cn.gov.linfen.fenhe.procedures.p3.CompletionChecks;
import cn.gov.linfen.fenhe.procedures.p3.ComputingReward;
import cn.gov.linfen.fenhe.procedures.p3.OpeningRound;
import cn.gov.linfen.fenhe.procedures.p3.RecordingPayment;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain services of P3 (废钢铁加工企业奖励资金), wired explicitly for its workers and checks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapSteelRewardProperties.class)
public class P3Configuration {

  @Bean
  ApplicationCheck scrapSteelApplicationCheck(ScrapSteelRewardProperties properties) {
    return new ApplicationCheck(properties.window());
  }

  @Bean
  ComputingReward computingReward(ScrapSteelRewardProperties properties) {
    return new ComputingReward(properties.shares(), properties.vat());
  }

  @Bean
  RecordingPayment recordingPayment() {
    return new RecordingPayment();
  }

  @Bean
  OpeningRound openingRound(FenheClock clock) {
    return new OpeningRound(clock.zone());
  }

  @Bean
  CompletionChecks scrapSteelCompletionChecks(ApplicationCheck applicationCheck) {
    return new CompletionChecks(applicationCheck);
  }
}
