/* Hands a C function to the C# library, which calls it through a function
 * pointer. */
#include <stdio.h>
#include "fnptr.h"

static int square(int x)
{
	return x * x;
}

int main(void)
{
	printf("fn_apply %d\n", fn_apply((void *)square, 3));
	return 0;
}
