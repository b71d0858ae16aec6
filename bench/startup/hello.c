/* Hello World in C, for start-up time, peak memory and size. */
#include <unistd.h>

int main(void)
{
	write(1, "Hello, world!\n", 14);
	return 0;
}
