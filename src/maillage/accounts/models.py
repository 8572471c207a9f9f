from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=User.Role.ORGANISER)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who logs in. Organisers are the network's staff; members are people of the directory."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        MEMBER = "member", _("Member")

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    language = models.CharField(
        _("language"), max_length=5, choices=[("fr", "Français"), ("en", "English")], default="fr"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), auto_now_add=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def is_organiser(self) -> bool:
        return self.is_active and (self.role == self.Role.ORGANISER or self.is_superuser)


class KnownDevice(models.Model):
    """A device a person logged in from (browser and system, network): a log-in from one not seen before
    is e-mailed to them. Forgotten after MAILLAGE_RETAIN_DEVICES_MONTHS without use."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="known_devices", verbose_name=_("user")
    )
    fingerprint = models.CharField(max_length=64)
    label = models.CharField(_("device"), max_length=200)
    network = models.CharField(_("network"), max_length=64, blank=True)
    first_seen = models.DateTimeField(_("first log-in"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last log-in"))

    class Meta:
        ordering = ["-last_seen"]
        verbose_name = _("known device")
        verbose_name_plural = _("known devices")
        constraints = [models.UniqueConstraint(fields=["user", "fingerprint"], name="known_device_once")]

    def __str__(self) -> str:
        return f"{self.label} ({self.network})"
