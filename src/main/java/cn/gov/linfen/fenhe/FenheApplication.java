package cn.gov.linfen.fenhe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Fenhe 汾河: the Linfen Municipal People's Government's procedures as executable BPMN. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FenheApplication {

  public static void main(String[] args) {
    SpringApplication.run(FenheApplication.class, args);
  }
}
