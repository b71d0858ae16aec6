/* icall_time: the clocks Mono's library asks its runtime for.
 *
 * System.DateTime::GetSystemTimeAsFileTime: wall-clock time as a FILETIME
 * (100 ns ticks since 1601-01-01 UTC). Stopwatch.GetTimestamp and
 * Timer.GetTimeMonotonic: a monotonic clock in 100 ns ticks (Mono's
 * Stopwatch.Frequency is 10,000,000), which never goes back when the wall
 * clock is set.
 */
#include "internal.h"

#include <time.h>

int64_t rt_DateTime_GetSystemTimeAsFileTime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return rt_io_filetime(ts.tv_sec, ts.tv_nsec);
}

int64_t rt_time_monotonic_ticks(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 10000000 + ts.tv_nsec / 100;
}

int64_t rt_Stopwatch_GetTimestamp(void) { return rt_time_monotonic_ticks(); }
int64_t rt_Timer_GetTimeMonotonic(void) { return rt_time_monotonic_ticks(); }
