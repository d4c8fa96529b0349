// SPDX-License-Identifier: GPL-2.0
/*
 * model_fail() for the unit tests over a register model (model_core.h):
 * a misuse of the model fails the running cmocka test with its reason.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model_core.h"

void model_fail(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprint_error(fmt, args);
	va_end(args);
	print_error("\n");
	fail();
}
