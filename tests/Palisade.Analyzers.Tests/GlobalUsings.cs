// The value-flow core (Flow/) is used by every rule family; one global using keeps call sites short.
global using Palisade.Analyzers.Flow;
