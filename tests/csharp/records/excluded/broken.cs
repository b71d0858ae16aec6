// Left out by records.csproj's Compile Remove: it does not compile.
this is not C#
