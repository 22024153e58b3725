package cn.gov.linfen.fenhe.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A year of holiday data as an administrator sends it: checked field by field. */
class HolidayYearParserTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String VALID =
      """
      {"notice":"国办发明电〔2026〕1号","published":"2026-11-01",
       "holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"},
                   {"name":"春节","from":"2027-02-05","to":"2027-02-12"}],
       "makeUpWorkdays":[{"date":"2027-02-13","holiday":"春节"}]}""";

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_valid_year_is_read_and_written_back_in_the_same_structure() {
    HolidayYear year = HolidayYearParser.parse(2027, json(VALID));
    assertThat(year.notice()).isEqualTo("国办发明电〔2026〕1号");
    assertThat(year.holidays()).hasSize(2);
    assertThat(year.makeUpWorkdays())
        .containsExactly(new HolidayYear.MakeUpWorkday(LocalDate.parse("2027-02-13"), "春节"));
    assertThat(HolidayYearParser.parse(2027, JSON.valueToTree(HolidayYearParser.toMap(year))))
        .isEqualTo(year);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"holidays\":[]}                                                                    | notice",
        "{\"notice\":\"x\",\"holidays\":[]}                                                    | holidays",
        "{\"notice\":\"x\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-02-30\",\"to\":\"2027-03-01\"}]} | holidays[0].from",
        "{\"notice\":\"x\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-03\",\"to\":\"2027-01-01\"}]} | holidays[0].to",
        "{\"notice\":\"x\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2028-01-01\",\"to\":\"2028-01-01\"}]} | holidays[0].from",
        "{\"notice\":\"x\",\"holidays\":[{\"from\":\"2027-01-01\",\"to\":\"2027-01-01\"}]}                | holidays[0].name",
        "{\"notice\":\"x\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\",\"to\":\"2027-01-03\"},{\"name\":\"春节\",\"from\":\"2027-01-03\",\"to\":\"2027-01-09\"}]} | holidays[1].from",
        "{\"notice\":\"x\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\",\"to\":\"2027-01-01\"}],\"makeUpWorkdays\":[{\"date\":\"2027-01-04\",\"holiday\":\"元旦\"}]} | makeUpWorkdays[0].date",
        "{\"notice\":\"x\",\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\",\"to\":\"2027-01-01\"}],\"makeUpWorkdays\":[{\"date\":\"2027-01-02\",\"holiday\":\"春节\"}]} | makeUpWorkdays[0].holiday",
      })
  void X_R04_bad_data_is_refused_naming_the_field(String body, String field) {
    CalendarDataException e =
        catchThrowableOfType(
            CalendarDataException.class, () -> HolidayYearParser.parse(2027, json(body)));
    assertThat(e).as(body).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.chinese()).isNotBlank();
    assertThat(e.english()).isNotBlank();
  }

  @Test
  void X_R04_a_year_out_of_range_is_refused() {
    CalendarDataException e =
        catchThrowableOfType(
            CalendarDataException.class, () -> HolidayYearParser.parse(1999, json(VALID)));
    assertThat(e.field()).isEqualTo("year");
  }
}
