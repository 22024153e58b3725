package cn.gov.linfen.fenhe.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of the State Council's holiday notice (国务院办公厅关于20XX年部分节假日安排的通知): the holidays as named
 * ranges and the make-up working days (调休上班).
 *
 * @param year the year the notice is for
 * @param notice its document number, e.g. 国办发明电〔2025〕7号
 * @param published the day it was issued, if known
 * @param holidays the holidays, both ends included (a range may start in the previous year)
 * @param makeUpWorkdays weekend days that are working days, each with the holiday it belongs to
 */
public record HolidayYear(
    int year,
    String notice,
    LocalDate published,
    List<Holiday> holidays,
    List<MakeUpWorkday> makeUpWorkdays) {

  public HolidayYear {
    holidays = List.copyOf(holidays);
    makeUpWorkdays = List.copyOf(makeUpWorkdays);
  }

  /** A holiday (放假): every day from {@code from} to {@code to} is not a working day. */
  public record Holiday(String name, LocalDate from, LocalDate to) {}

  /** A make-up working day (调休上班) on a weekend. */
  public record MakeUpWorkday(LocalDate date, String holiday) {}
}
