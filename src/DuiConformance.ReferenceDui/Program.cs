// Placeholder until the reference DUI lands.
return 0;
