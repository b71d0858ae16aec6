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

bool rt_RegionInfo_from_name(Object *self, Object *name)
{
	return rt_known.cultures && rt_known.cultures->calls->region_from_name(self, name);
}

/* CultureInfo.internal_get_cultures (src/emit/subst.c writes its body):
 * how many cultures of the kinds asked for, and the i-th's index. */
int32_t rt_cultures_count(bool neutral, bool specific)
{
	int32_t n = 0;
	for (uint32_t i = 0; rt_known.cultures && i < rt_known.cultures->ncultures; i++)
		n += rt_known.cultures->calls->listed((int32_t)i, neutral, specific) >= 0;
	return n;
}

int32_t rt_cultures_listed(int32_t i, bool neutral, bool specific)
{
	return rt_known.cultures ? rt_known.cultures->calls->listed(i, neutral, specific) : -1;
}

bool rt_cultures_construct(Object *self, int32_t index)
{
	return rt_known.cultures->calls->construct(self, index);
}
