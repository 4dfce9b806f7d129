/* check.h -- plateau-report's exports checked against the tables replayed by the tests, and its HTML in Chromium */
#ifndef TR_CHECK_H
#define TR_CHECK_H

#include "helpers.h"

/* Every row and number of the CSV files in dir (written in lang) against the tables ts, in the
 * report's order, and the workbook's sheets against the CSV files. Returns the questions of the
 * collective opinion (votes over cards excepted). */
int tr_check_exports(const char *dir, const tr_table_t *const *ts, size_t n, int lang);
/* report.html in headless Chromium: no request, every chart in the DOM, the PDF's page count. */
void tr_check_html(const char *dir, const tr_table_t *const *ts, size_t n, int questions, int day);

#endif
