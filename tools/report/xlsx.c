/* xlsx.c -- the sheets as one XLSX workbook (libxlsxwriter): a worksheet per CSV file, numbers as numbers */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include "report.h"

int rp_xlsx_write(const char *path, const rp_sheet_t *sheets, int n)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return rp_fail(_("cannot write %s"), path);
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    for (int i = 0; i < n; i++) {
        const rp_sheet_t *s = &sheets[i];
        lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
        if (!ws) {
            workbook_close(wb);
            remove(path);
            return rp_fail(_("cannot write %s"), path);
        }
        for (size_t r = 0; r < s->n_rows; r++)
            for (int c = 0; c < s->n_cols; c++) {
                const rp_cell_t *x = &s->cells[r * (size_t)s->n_cols + c];
                lxw_error e;
                if (x->is_num)
                    e = worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, (double)x->num, NULL);
                else if (x->text && x->text[0])
                    e = worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, x->text, r == 0 ? bold : NULL);
                else
                    continue; /* an empty cell is no cell */
                if (e != LXW_NO_ERROR) {
                    workbook_close(wb);
                    remove(path);
                    return rp_fail(_("cannot write %s: %s"), path, lxw_strerror(e));
                }
            }
        worksheet_freeze_panes(ws, 1, 0);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        remove(path);
        return rp_fail(_("cannot write %s: %s"), path, lxw_strerror(e));
    }
    return 0;
}
