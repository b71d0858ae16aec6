/* culture_calls: the internal calls of named cultures, through
 * rt_known.cultures->calls (icall_culture.c), which only programs that
 * name a culture have; without one, no culture is found, as before named
 * cultures were built in (CultureNotFoundException).
 */
#include "internal.h"

bool rt_CultureInfo_from_name(Object *self, Object *name)
{
	return rt_known.cultures && rt_known.cultures->calls->from_name(self, name);
}

bool rt_CultureInfo_from_lcid(Object *self, int32_t lcid)
{
	return rt_known.cultures && rt_known.cultures->calls->from_lcid(self, lcid);
}

void rt_CultureData_fill_culture_data(Object *self, int32_t index)
{
	rt_known.cultures->calls->fill_culture(self, index);
}

intptr_t rt_CultureData_fill_number_data(int32_t index, char *nfe)
{
	return rt_known.cultures->calls->fill_number(index, nfe);
}

bool rt_CalendarData_fill_calendar_data(Object *self, Object *name, int32_t calendar)
{
	return rt_known.cultures && rt_known.cultures->calls->fill_calendar(self, name, calendar);
}
