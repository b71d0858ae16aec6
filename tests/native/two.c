/* Two C# libraries in one process; with an argument, an exception escapes. */
#include <stdio.h>
#include <stdlib.h>
#include "mylib.h"
#include "other.h"
int main(int argc, char **argv)
{
	printf("%d %d\n", mylib_add(1, 2), other_mul(6, 7));
	printf("%lld %d %d\n", (long long)mylib_sum_squares(5), other_mul(2, 3), other_calls());
	if (argc > 1)
		other_fail(1);
	return 0;
}
