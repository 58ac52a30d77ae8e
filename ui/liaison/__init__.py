"""Liaison notes (联络单) at the station: sales' queue and the reply dialog."""
